"""The leads' console: who leads, practice settings, protected insights, digests, data rights."""
