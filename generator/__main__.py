"""`python -m generator` is the same as the `apismith` console script."""

from generator.cli import main

raise SystemExit(main())
