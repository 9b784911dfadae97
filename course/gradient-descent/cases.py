"""The gradient-descent cases: torch.optim.SGD trajectories and the autograd gradient of F.mse_loss for linear regression."""
import torch
import torch.nn.functional as F

from cases_common import objective, t, uniform


def sgd_points(problem, x0, lr, steps, maximize=False):
    x = t(x0, True)
    opt = torch.optim.SGD([x], lr=lr, maximize=maximize)
    points = [x.detach().tolist()]
    for _ in range(steps):
        opt.zero_grad()
        objective(problem, x).backward()
        opt.step()
        points.append(x.detach().tolist())
    return points


def trajectory_case(problem, x0, lr, steps):
    return {
        "problem": problem, "x0": x0, "lr": lr, "steps": steps, "points": sgd_points(problem, x0, lr, steps),
        "mistakes": {"ascent": sgd_points(problem, x0, lr, steps, maximize=True), "lrOne": sgd_points(problem, x0, 1.0, steps)},
    }


def linreg_case(X, y, w, b):
    wt, bt = t(w, True), t(b, True)
    F.mse_loss(t(X) @ wt + bt, t(y)).backward()
    return {"X": X, "y": y, "w": w, "b": b, "dw": wt.grad.tolist(), "db": bt.grad.item()}


def make():
    quad = {"kind": "quadratic", "a": [1, 4], "c": [-1, 2]}
    quad3 = {"kind": "quadratic", "a": uniform([3], 0.5, 3), "c": uniform([3], -1, 1)}
    rosen = {"kind": "rosenbrock"}
    regressions = []
    for n, d in [(10, 3), (1, 1), (7, 4)]:
        regressions.append(linreg_case(uniform([n, d], -2, 2), uniform([n], -3, 3), uniform([d], -1, 1), uniform([], -1, 1)))
    return {
        "about": "torch.optim.SGD trajectories (points[0] = x0) on f(x) = ½ Σ aᵢxᵢ² + Σ cᵢxᵢ or Rosenbrock's (1 − u)² + 100(v − u²)², and the autograd gradient of F.mse_loss(Xw + b, y)",
        "basic": trajectory_case(quad, [1, -2], 0.1, 5),
        "copies": trajectory_case(quad, [3, 1], 0.05, 4),
        "short": [trajectory_case(quad, [0.5, 0.25], 0.1, k) for k in (0, 1, 3)],
        "torch": [trajectory_case(quad3, uniform([3], -2, 2), 0.1, 30), trajectory_case(rosen, [-1.5, 2.0], 5e-4, 100)],
        "linearRegression": [linreg_case([[1, 2], [0, -1], [3, 1]], [1, 0, 2], [0.5, -0.5], 0.1), linreg_case([[2], [-1]], [1, 3], [0.5], -1)],
        "linearRegressionTorch": regressions,
    }
