"""``python -m analyzer`` runs the ecocheck command line."""

from .cli import main

main()
