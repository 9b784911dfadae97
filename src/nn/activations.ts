/**
 * Activation functions as modules, so they can sit in a `Sequential` between linear layers
 * (chapter 08-training). They have no parameters and act elementwise on any shape:
 *
 * | module | f(x) | f′(x) |
 * |---|---|---|
 * | ReLU | max(x, 0) | [x > 0] |
 * | Tanh | tanh x | 1 − tanh² x |
 * | Sigmoid | σ(x) = 1/(1 + e⁻ˣ) | σ(x)(1 − σ(x)) |
 *
 * Without them a stack of linear layers is one linear map: (X W₁ + b₁) W₂ + b₂ = X (W₁W₂) + (b₁W₂ + b₂).
 */
import { Tensor } from '../tensor';
import { Module, checkInput } from './module';

export class ReLU extends Module {
  override forward(x: Tensor): Tensor {
    return checkInput('ReLU', x).relu();
  }
}

export class Tanh extends Module {
  override forward(x: Tensor): Tensor {
    return checkInput('Tanh', x).tanh();
  }
}

export class Sigmoid extends Module {
  override forward(x: Tensor): Tensor {
    return checkInput('Sigmoid', x).sigmoid();
  }
}
