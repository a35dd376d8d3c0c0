"""Storage of the collection: the patterns, trends and mapping of organized crime groups' activities
(18(c),(d)), the links between terrorism and other crime, and each State's adherence to the
instruments against terrorism (70, 71).
"""
