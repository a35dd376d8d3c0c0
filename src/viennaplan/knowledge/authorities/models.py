"""Storage of the collection: the directory of competent national authorities per State and purpose
(57(i), mutual legal assistance, extradition, trafficking, asset recovery); contact details for
signed-in officials only.
"""
