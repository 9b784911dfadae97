"""PyTorch peer of the Descent benchmark (kit/bench): one workload, float64, one thread.

    python3 kit/bench/torch_peer.py <problem.json> <result.json> <reps> <warmup_steps> [engine_name]
    python3 kit/bench/torch_peer.py --gemm <shapes.json> <result.json>     GFLOP/s of torch.matmul
    python3 kit/bench/torch_peer.py --overhead <result.json>               microseconds per tiny op

Reads the problem written by kit/bench/problem-file.ts (the same data, initial weights and
batches as every other engine), trains the same MLP (Linear/ReLU from raw tensors, mean
cross-entropy, torch.optim.Adam), and writes the same JSON fields as kit/bench/worker.ts.
Exit code 3 means "torch is not installed" (the benchmark then skips this peer).
"""
import json
import os
import resource
import sys
import time

try:
    import torch
    import torch.nn.functional as F
except ImportError as err:  # the project does not need torch: the bench skips this peer
    print(f"torch not available: {err}", file=sys.stderr)
    sys.exit(3)


def blas_library():
    """Which libblas.so.3 this process loaded (Linux): Debian's torch calls the system's BLAS."""
    try:
        with open("/proc/self/maps") as f:
            paths = {line.split()[-1] for line in f if "libblas.so" in line}
    except OSError:
        return "BLAS unknown"
    if not paths:
        return "BLAS unknown"
    real = os.path.realpath(sorted(paths)[0])
    folder = os.path.basename(os.path.dirname(real))
    known = {"blas": "reference BLAS (libblas3)", "openblas-pthread": "OpenBLAS", "openblas-openmp": "OpenBLAS"}
    return known.get(folder, "BLAS " + folder)


def load(manifest_path):
    with open(manifest_path) as f:
        m = json.load(f)
    with open(m["bin"], "rb") as f:
        raw = bytearray(f.read())
    everything = torch.frombuffer(raw, dtype=torch.float64)

    def get(name):
        e = m["arrays"][name]
        return everything[e["offset"]:e["offset"] + e["length"]].clone()

    return m, get


def best_seconds(fn, reps, rounds):
    """The fastest of `rounds` timed windows of `reps` calls, per call."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(reps):
            fn()
        best = min(best, (time.perf_counter() - start) / reps)
    return best


def gemm(shapes_path, out):
    """GFLOP/s of the products of the project's gemm benchmark: C = op(A) op(B), float64."""
    torch.set_num_threads(1)
    with open(shapes_path) as f:
        shapes = json.load(f)
    results = []
    for s in shapes:
        M, N, K = s["M"], s["N"], s["K"]
        g = torch.Generator().manual_seed(1)
        if s["layout"] == "nn":
            a, b = torch.randn(M, K, dtype=torch.float64, generator=g), torch.randn(K, N, dtype=torch.float64, generator=g)
            fn = lambda: torch.matmul(a, b)
        elif s["layout"] == "nt":
            a, b = torch.randn(M, K, dtype=torch.float64, generator=g), torch.randn(N, K, dtype=torch.float64, generator=g)
            fn = lambda: torch.matmul(a, b.t())
        else:
            a, b = torch.randn(K, M, dtype=torch.float64, generator=g), torch.randn(K, N, dtype=torch.float64, generator=g)
            fn = lambda: torch.matmul(a.t(), b)
        flops = 2 * M * N * K
        reps = max(1, int(2e7 // flops))
        fn()
        results.append({**s, "gflops": flops / best_seconds(fn, reps, 40) / 1e9})
    with open(out, "w") as f:
        json.dump({"version": f"torch {torch.__version__}, {blas_library()}", "results": results}, f)


def overhead(out):
    """Microseconds per tiny op (2-element float64 tensors), as kit/bench/overhead.ts measures descent."""
    torch.set_num_threads(1)
    a = torch.tensor([1.5, -2.0], dtype=torch.float64)
    b = torch.tensor([0.5, 3.0], dtype=torch.float64)
    w = torch.tensor([0.25, -0.75], dtype=torch.float64, requires_grad=True)
    def graph():
        loss = a.mul(w).add(b).tanh().sum()
        w.grad = None
        loss.backward()
    cases = {
        "add (no grad)": (lambda: a.add(b), 1),
        "mul (recording a graph)": (lambda: w.mul(a), 1),
        "forward + backward of 4 ops": (graph, 4),
    }
    results = {name: best_seconds(fn, 2000, 15) * 1e6 / ops for name, (fn, ops) in cases.items()}
    with open(out, "w") as f:
        json.dump({"version": f"torch {torch.__version__}", "microseconds": results}, f)


def main():
    if sys.argv[1] == "--gemm":
        return gemm(sys.argv[2], sys.argv[3])
    if sys.argv[1] == "--overhead":
        return overhead(sys.argv[2])
    manifest, out, reps, warmup = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    engine = sys.argv[5] if len(sys.argv) > 5 else "torch"
    torch.set_num_threads(1)
    torch.set_default_dtype(torch.float64)
    m, get = load(manifest)
    w = m["workload"]
    layers = w["layers"]
    d = layers[0]
    X = get("X").reshape(-1, d)
    y = get("y").to(torch.long)
    batches = [(X[s:e].contiguous(), y[s:e].contiguous()) for s, e in m["batches"]]
    init = []
    for l in range(len(layers) - 1):
        init.append(get(f"W{l}").reshape(layers[l], layers[l + 1]))
        init.append(get(f"b{l}"))

    def fresh():
        params = [p.clone().requires_grad_(True) for p in init]
        return params, torch.optim.Adam(params, lr=w["lr"])

    def step(params, opt, t):
        x, labels = batches[t % len(batches)]
        h = x
        for k in range(0, len(params), 2):
            h = h.matmul(params[k]) + params[k + 1]
            if k + 2 < len(params):
                h = torch.relu(h)
        loss = F.cross_entropy(h, labels)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        return loss

    params, opt = fresh()
    losses = [step(params, opt, t).item() for t in range(warmup)]
    seconds = []
    final = float("nan")
    for _ in range(reps):
        params, opt = fresh()
        start = time.perf_counter()
        for t in range(w["steps"]):
            loss = step(params, opt, t)
        final = loss.item()
        seconds.append(time.perf_counter() - start)

    result = {
        "engine": engine,
        "workload": w["name"],
        "dtype": "float64",
        "version": f"torch {torch.__version__}, {blas_library()}",
        "steps": w["steps"],
        "seconds": seconds,
        "losses": losses,
        "finalLoss": final,
        "maxRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    with open(out, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
