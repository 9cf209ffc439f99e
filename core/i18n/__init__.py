"""Languages: content columns per language, Simplified/Traditional conversion, third-party strings in Chinese."""
