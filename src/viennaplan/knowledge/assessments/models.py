"""Storage of the collection: national assessments of corruption in one standardized format (33(a),
30(a)), and documents with versions: the toolkit of best practices and the manual on practical
measures (33(a),(e)), tools to assess the effectiveness of measures (46(d)).
"""
