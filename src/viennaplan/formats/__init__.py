"""Date formats of the project where Django's own differ from the UN's usage (settings'
FORMAT_MODULE_PATH; every format not set here is Django's for the language).

- English: the UN writes "31 December 2002", not Django's "Dec. 31, 2002"; tables use "31 Dec 2002".
- Arabic: Django has no date-and-time format for Arabic; the date is followed by the time.

French ("31 décembre 2002"), Spanish ("31 de diciembre de 2002"), Russian ("31 декабря 2002 г.")
and Chinese ("2002年12月31日") are Django's as they are.
"""
