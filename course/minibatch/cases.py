"""The minibatch cases: mini-batch gradient descent on F.mse_loss where the order of the rows cannot matter, and data for the convergence and reshuffling checks."""
import torch
import torch.nn.functional as F

from cases_common import GEN, t, uniform


def train_in_order(X, y, lr, epochs, batch_size, mistake=None):
    """Mini-batch gradient descent taking the rows in their given order (the graders only use it
    where the order cannot matter: one full batch, or identical rows)."""
    Xt, yt = t(X), t(y)
    n, d = Xt.shape
    w, b = torch.zeros(d, requires_grad=True), torch.zeros((), requires_grad=True)
    losses = []
    full_loss = lambda: F.mse_loss(Xt @ w + b, yt).item()
    for _ in range(epochs):
        if mistake == "lossBeforeEpoch":
            losses.append(full_loss())
        for start in range(0, n, batch_size):
            rows = list(range(start, min(start + batch_size, n)))
            if mistake == "dropLast" and len(rows) < batch_size:
                continue
            sq = ((Xt[rows] @ w + b - yt[rows]) ** 2).sum()
            divisor = {"divideByBatchSize": batch_size, "sumNotMean": 1}.get(mistake, len(rows))
            w.grad, b.grad = None, None
            (sq / divisor).backward()
            with torch.no_grad():
                w -= lr * w.grad
                b -= lr * b.grad
        if mistake != "lossBeforeEpoch":
            losses.append(full_loss())
    return {"w": w.detach().tolist(), "b": b.item(), "losses": losses}


def train_case(X, y, lr, epochs, batch_size):
    mistakes = {m: train_in_order(X, y, lr, epochs, batch_size, m) for m in ["dropLast", "divideByBatchSize", "lossBeforeEpoch", "sumNotMean"]}
    return {"X": X, "y": y, "lr": lr, "epochs": epochs, "batchSize": batch_size, "expected": train_in_order(X, y, lr, epochs, batch_size), "mistakes": mistakes}


def linear_data(n, w_true, b_true, noise):
    X = uniform([n, len(w_true)], -1, 1)
    y = (t(X) @ t(w_true) + b_true + noise * (2 * torch.rand(n, generator=GEN) - 1)).tolist()
    return X, y


def make():
    X6 = [[1, 0.5], [-1, 2], [0.3, -0.7], [2, 1], [-0.5, -1.5], [1.2, 0.1]]
    y6 = [1, 2, -1, 3, 0.5, 1.5]
    w_true, b_true = [1.5, -2, 0.5], 0.7
    Xc, yc = linear_data(40, w_true, b_true, 0)
    Xn, yn = linear_data(20, w_true, b_true, 0.5)
    A = torch.cat([t(Xn), torch.ones(20, 1)], 1)
    best = torch.linalg.solve(A.T @ A, A.T @ t(yn))  # the normal equations (lstsq is not bit-reproducible here)
    return {
        "about": "mini-batch gradient descent on F.mse_loss, from w = 0, b = 0, where the order of the rows cannot matter (one full batch, or identical rows); data for the convergence and reshuffling checks",
        "fullBatch": [train_case(X6, y6, 0.05, 4, 6), train_case(X6, y6, 0.05, 4, 100)],
        "identicalRows": train_case([[1, 2]] * 10, [3] * 10, 0.02, 3, 4),
        "convergence": {"X": Xc, "y": yc, "wTrue": w_true, "bTrue": b_true},
        "noisy": {
            "X": Xn, "y": yn, "wTrue": w_true, "bTrue": b_true, "noise": 0.5,
            "initialLoss": F.mse_loss(torch.zeros(20), t(yn)).item(),
            "leastSquaresLoss": F.mse_loss(A @ best, t(yn)).item(),
            "leastSquares": {"w": best[:3].tolist(), "b": best[3].item()},
        },
    }
