"""The cross-entropy cases: torch.sigmoid, F.binary_cross_entropy, torch.softmax, F.cross_entropy and its gradient by autograd."""
import torch
import torch.nn.functional as F

from cases_common import GEN, t, uniform

def bce(pHat, y):
    return F.binary_cross_entropy(t(pHat), t(y)).item()


def ce(logits, labels):
    z = t(logits, True)
    loss = F.cross_entropy(z, torch.tensor(labels))
    loss.backward()
    return loss.item(), z.grad.tolist()


def ce_case(logits, labels):
    loss, grad = ce(logits, labels)
    return {"logits": logits, "labels": labels, "loss": loss, "gradient": grad}


def make():
    sig = lambda zs: [{"z": z, "sigmoid": torch.sigmoid(t(z)).item()} for z in zs]
    basic = [([0.9, 0.2, 0.6], [1, 0, 1]), ([0.3, 0.8], [0, 0])]
    clamp = [([0], [1]), ([1], [0]), ([0, 1], [0, 1]), ([0, 0], [1, 0]), ([1, 0, 0.5], [1, 1, 0])]
    soft = []
    for n in [4, 6, 9]:
        p = uniform([n], 0.01, 0.99)
        p[0], p[1] = 0.0, 1.0
        y = uniform([n], 0, 1)
        y[2] = 1.0
        soft.append({"pHat": p, "y": y, "bce": bce(p, y), "mistakes": {"swapped": bce(y, p)}})
    plain_rows = [[1, 2, 3], [0, 0], [-1, 0.5, 2, 0], [5]]
    stable_rows = [[1000, 999, 998], [-1000, -1000], [1000, -1000], [-1000, -999, 0]] + [uniform([c], -s, s) for c, s in [(5, 3), (3, 30), (6, 1e3)]]
    basic_ce = [([[2, 1, 0], [0, 0, 3], [1, -1, 0.5]], [0, 2, 1]), ([[0.5, 1.5]], [1])]
    grad_ce = [([[2, 1, 0], [0, 0, 3]], [0, 2]), ([[1, 2, 3]], [2])]
    torch_ce = []
    for N, C, s in [(4, 3, 2), (1, 5, 4), (6, 4, 10)]:
        logits = uniform([N, C], -s, s)
        labels = torch.randint(0, C, (N,), generator=GEN).tolist()
        torch_ce.append(ce_case(logits, labels))
    stable_ce = [([[1000, 0]], [1]), ([[0, -1000, 1000]], [1]), ([[1000, 1000]], [0]), ([[-1000, -1000, -1000]], [2])]
    return {
        "about": "torch.sigmoid, F.binary_cross_entropy(pHat, y), torch.softmax, F.cross_entropy(logits, labels) and its gradient by autograd",
        "sigmoid": sig([0, 2, -3, 0.5, 10, -10]),
        "sigmoidExtreme": sig([1000, -1000, 710, -710, 1e308, -1e308, 40, -40, 20, -20, 5, -5]),
        "bce": [{"pHat": p, "y": y, "bce": bce(p, y), "mistakes": {"swapped": bce(y, p)}} for p, y in basic],
        "bceClamp": [{"pHat": p, "y": y, "bce": bce(p, y)} for p, y in clamp],
        "bceSoft": soft,
        "softmax": [{"z": z, "softmax": torch.softmax(t(z), 0).tolist()} for z in plain_rows],
        "softmaxStable": [{"z": z, "softmax": torch.softmax(t(z), 0).tolist()} for z in stable_rows],
        "crossEntropy": [dict(ce_case(z, l), mistakes={"labelZero": ce(z, [0] * len(l))[0]}) for z, l in basic_ce],
        "crossEntropyStable": [ce_case(z, l) for z, l in stable_ce],
        "crossEntropyTorch": torch_ce,
        "crossEntropyGradient": [
            dict(ce_case(z, l), mistakes={"softmaxOverN": (torch.softmax(t(z), 1) / len(z)).tolist()}) for z, l in grad_ce
        ],
    }
