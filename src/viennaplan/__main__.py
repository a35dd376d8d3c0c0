from viennaplan.cli import main

main()
