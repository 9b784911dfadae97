"""Executes notebooks through Jupyter's own client (nbclient) on the tslab kernel.

Used by .ci/run to check that the chapters run under Jupyter too, not only under the kit's
Node runner. tslab's error replies carry empty ename/evalue, so a failure is reported with the
cell index and the cell's stderr.

The kernel is this repository's own: the notebooks name `tslab`, and JUPYTER_PATH is set to start
at the repository's build/jupyter/ (written by `npm run kernel`, kit/notebooks/kernelspec.ts), so a
`tslab` kernel registered by another course repository is never the one that runs.

    python3 kit/notebooks/nbclient_run.py [--timeout SEC] [--kernel NAME] notebooks/*.ipynb
"""
import argparse
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LOCAL_JUPYTER_DIR = os.path.join(ROOT, "build", "jupyter")
os.environ["JUPYTER_PATH"] = os.pathsep.join([LOCAL_JUPYTER_DIR] + [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p])

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def stderr_of(cell):
    return "".join(
        "".join(o.get("text", "")) for o in cell.get("outputs", [])
        if o.get("output_type") == "stream" and o.get("name") == "stderr"
    )


def run(path, timeout, kernel):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name=kernel,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
    )
    index = {"cell": None}

    def on_start(cell, cell_index):
        index["cell"] = cell_index
    client.on_cell_start = on_start
    try:
        client.execute()
    except CellExecutionError:
        i = index["cell"]
        cell = nb.cells[i] if i is not None else {"source": "", "outputs": []}
        source = "\n".join("    " + line for line in cell["source"].splitlines()[:6])
        return "{}: cell {} failed (index in the notebook's cells, from 0):\n{}\n{}".format(
            path, i, source, stderr_of(cell).rstrip() or "(no message)")
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--kernel", default="tslab", help="the kernel's name (default: tslab, this repository's own)")
    ap.add_argument("notebooks", nargs="+")
    args = ap.parse_args()
    if args.kernel == "tslab" and not os.path.isfile(os.path.join(LOCAL_JUPYTER_DIR, "kernels", "tslab", "kernel.json")):
        print("this repository's kernel is not registered: run npm run kernel first", file=sys.stderr)
        return 1
    started = time.time()
    for k, path in enumerate(args.notebooks):
        t = time.time()
        error = run(path, args.timeout, args.kernel)
        if error:
            print("[{}/{}] {}  FAILED".format(k + 1, len(args.notebooks), path), flush=True)
            print(error, file=sys.stderr)
            return 1
        print("[{}/{}] {}  {:.1f} s (nbclient)".format(k + 1, len(args.notebooks), path, time.time() - t), flush=True)
    print("{} notebook(s) executed with nbclient in {:.1f} s".format(len(args.notebooks), time.time() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
