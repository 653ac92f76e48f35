"""culturelens: reproducible analysis of blame and support language in news text."""

__version__ = "0.1.0"
