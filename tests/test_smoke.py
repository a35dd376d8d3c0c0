def test_the_cli_help_names_the_plan_commands(capsys):
    from viennaplan.cli import main

    main(["viennaplan", "--help"])
    out = capsys.readouterr().out
    assert "plan import [FILE]" in out
    assert "plan export --format json|csv|akn" in out
