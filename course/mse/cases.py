"""The mse cases: F.mse_loss (reduction 'mean') and its gradient by autograd."""
import torch.nn.functional as F

from cases_common import t, uniform


def mse_case(yHat, y):
    p = t(yHat, True)
    loss = F.mse_loss(p, t(y))
    loss.backward()
    return {"yHat": yHat, "y": y, "mse": loss.item(), "gradient": p.grad.tolist()}


def make():
    cases = [mse_case(uniform([n], -s, s), uniform([n], -s, s)) for n, s in [(7, 2), (1, 3), (2, 1), (20, 10), (12, 1e3)]]
    return {"about": "F.mse_loss(yHat, y) (reduction 'mean') and its gradient by autograd", "cases": cases}
