"""Storage of the collection: the record of firearms regulations per State (59(a), on the topics of
57(a)-(h)) and the periodic national firearms reports (57(k)-(l)) through the reporting roles and
review workflow.
"""
