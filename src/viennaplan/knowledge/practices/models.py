"""Storage of the collection: best practices across the plan's areas (33(a),(c), 59(b), 65(d), 82(e),
84(c),(d), 90(b), 100(c), 18(d), 46(b)), tagged by area, provision and State, with evaluations.
"""
