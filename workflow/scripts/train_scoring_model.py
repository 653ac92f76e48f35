"""train_scoring_model: fit the scoring model once; shards and validation load it."""

import pickle

from culturelens.io import atomic_open
from culturelens.lexicon import load_lexicon
from culturelens.model import train_model

from _wiring import start

start(snakemake)
model = train_model(lexicon=load_lexicon(snakemake.params.lexicon), seed=snakemake.params.seed)
# A working file only (temp): deterministic training makes the scores byte-stable, not the pickle.
with atomic_open(snakemake.output[0], "wb") as handle:
    pickle.dump(model, handle)
