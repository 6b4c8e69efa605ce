"""``python -m newskg`` runs the command line."""

from newskg.cli import main

main()
