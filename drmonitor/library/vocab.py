"""The words the library files its entries by, kept as data in vocab.yaml beside this module."""

from drmonitor.core.vocabulary import load_vocabularies

VOCABULARIES = load_vocabularies(__file__)
__getattr__ = VOCABULARIES.__getitem__
