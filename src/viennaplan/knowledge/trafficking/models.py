"""Storage of the collection: the nature and extent of trafficking in persons (46(b),(d)) as aggregates
only, counts under 5 suppressed in every output.
"""
