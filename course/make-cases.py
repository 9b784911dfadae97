#!/usr/bin/env python3
"""The public graders' expected values (course/<exercise>/cases.json), computed with PyTorch.

The public graders ship to students, so they never compute an exercise's answer themselves: they
compare with these precomputed values. How the files are generated (once; the graders only read
the JSON):

    apt-get install -y python3-torch        # Debian bookworm: PyTorch 1.13.1 (reads 1.13.0a0)
    /usr/bin/python3 course/make-cases.py

Each exercise folder with a `cases.py` gets its `cases.json`: the part's `make()` returns the
data, this script writes it. The parts run in chapter order (course/<exercise>/exercise.json) and
share one seeded generator (cases_common.py), so every file is reproducible bit for bit; a part
added for a later chapter leaves the earlier files unchanged.

Everything is float64; the truth comes from torch (torch.nn.functional losses, autograd,
torch.optim). The `mistakes` entries are the values of known mistakes, for the graders' hints:
gradient descent's come from torch.optim.SGD itself (maximize=True for ascent, lr = 1), the
optimizers' from a small plain-Python optimizer (optimizers/cases.py) whose correct form is first
checked against torch.optim on every case (to 1e-12, 1e-9 after 200 Rosenbrock steps); mistakes
whose values overflow are left out. Python floats are written with repr, so the JSON round-trips
every bit. Arguments follow the exercises' order: predictions first (mse(yHat, y),
binaryCrossEntropy(pHat, y)), as in PyTorch's losses.
"""

import importlib.util
import json
import os
import sys

sys.dont_write_bytecode = True  # nothing but the JSON files is written
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)  # the parts import cases_common

from cases_common import write  # noqa: E402


def exercises():
    """The exercise folders with a cases.py, in chapter order."""
    found = []
    for name in sorted(os.listdir(HERE)):
        meta = os.path.join(HERE, name, "exercise.json")
        if os.path.isfile(meta) and os.path.isfile(os.path.join(HERE, name, "cases.py")):
            with open(meta, encoding="utf-8") as f:
                found.append((json.load(f)["chapter"], name))
    return [name for _, name in sorted(found)]


def part(name):
    spec = importlib.util.spec_from_file_location(f"cases_{name.replace('-', '_')}", os.path.join(HERE, name, "cases.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    for name in exercises():
        write(os.path.join(HERE, name, "cases.json"), part(name).make())
        print(f"wrote course/{name}/cases.json")
