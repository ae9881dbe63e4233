"""The attention reference's training step in PyTorch, the peer figure for docs/benchmarks.md.

Same model as reference/attention (token and position embeddings, blocks of single-head causal
attention without biases and a ReLU MLP, both with residuals, an untied lm_head), the same AdamW and
batch shape, one thread. Random token ids stand in for the corpus: the cost does not depend on them.
Prints one JSON line: tokens per second and the float32 matmul GFLOP/s at the same sizes as the C# run.
"""
import argparse, json, math, time
import torch
from torch import nn

p = argparse.ArgumentParser()
for name in ("vocab", "context", "width", "layers", "batch", "steps", "mlp"):
    p.add_argument("--" + name, type=int, required=True)
p.add_argument("--lr", type=float, default=3e-3)
a = p.parse_args()
torch.set_num_threads(1)
torch.manual_seed(1234)


class CausalSelfAttention(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.query, self.key, self.value, self.output = (nn.Linear(d, d, bias=False) for _ in range(4))

    def forward(self, x):                                      # (B, T, d)
        q, k, v = self.query(x), self.key(x), self.value(x)
        t = x.shape[1]
        scores = q @ k.transpose(-2, -1) / math.sqrt(x.shape[-1])   # (B, T, T)
        future = torch.ones(t, t, dtype=torch.bool, device=x.device).triu(1)
        return self.output(scores.masked_fill(future, float("-inf")).softmax(-1) @ v)


class Block(nn.Module):
    def __init__(self, d, hidden):
        super().__init__()
        self.attention = CausalSelfAttention(d)
        self.mlp = nn.Sequential(nn.Linear(d, hidden), nn.ReLU(), nn.Linear(hidden, d))

    def forward(self, x):
        h = x + self.attention(x)
        return h + self.mlp(h)


class TinyLanguageModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.token_embedding = nn.Embedding(a.vocab, a.width)
        self.position_embedding = nn.Embedding(a.context, a.width)
        self.blocks = nn.Sequential(*(Block(a.width, a.mlp) for _ in range(a.layers)))
        self.lm_head = nn.Linear(a.width, a.vocab, bias=False)

    def forward(self, idx):
        x = self.token_embedding(idx) + self.position_embedding(torch.arange(idx.shape[1]))
        return self.lm_head(self.blocks(x))


def gflops(m, k, n):
    x, y = torch.randn(m, k), torch.randn(k, n)
    for _ in range(5):
        x @ y
    best = 0.0
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(20):
            x @ y
        best = max(best, 2.0 * m * k * n * 20 / (time.perf_counter() - start) / 1e9)
    return best


model = TinyLanguageModel()
optimizer = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=0.0)


def step():
    x = torch.randint(a.vocab, (a.batch, a.context))
    y = torch.randint(a.vocab, (a.batch, a.context))
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(model(x).reshape(-1, a.vocab), y.reshape(-1))
    loss.backward()
    optimizer.step()
    return loss.item()


for _ in range(10):
    step()
start = time.perf_counter()
for _ in range(a.steps):
    step()
seconds = time.perf_counter() - start
print(json.dumps({
    "torch": torch.__version__,
    "tokens_per_second": a.steps * a.batch * a.context / seconds,
    "model_sized_gflops": gflops(a.batch * a.context, a.width, a.mlp),
}))
