"""viennaplan: the Plans of Action for the implementation of the Vienna Declaration on Crime and Justice."""

__version__ = "0.1.0"
