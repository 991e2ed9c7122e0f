"""Fixed vocabularies of the synthetic corpus: research domains with their real families, members,
tasks, datasets, benchmarks and metrics.

Real names come from the shipped taxonomy and lexicon (general ML knowledge), so synthetic papers
mix well-known entities with invented ones the way real abstracts do. Family surfaces are chosen
so the taxonomy recognises them ("a low-rank adaptation method") and so none doubles as a task or
an entity of the lexicon, which keeps the gold unambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FamilySpec:
    """A taxonomy family as text uses it: ``singular`` fits "X, a … that", ``plural`` fits "… such as X"."""

    name: str
    plural: str
    singular: str | None
    members: tuple[str, ...]


@dataclass(frozen=True)
class Domain:
    """One research area: everything a paper in it may name."""

    name: str
    families: tuple[FamilySpec, ...]
    tasks: tuple[str, ...]
    datasets: tuple[str, ...]
    benchmarks: tuple[str, ...]
    metrics: tuple[str, ...]
    stems: tuple[str, ...]  # for invented dataset and benchmark names
    others: tuple[str, ...] = ()  # well-known methods of the area outside these families


# Metrics where smaller is better: claims about them say "reduces", not "improves".
LOWER_IS_BETTER = frozenset({"latency", "perplexity", "FID", "FLOPs", "memory footprint"})

DOMAINS: tuple[Domain, ...] = (
    Domain(
        "fine-tuning",
        (
            FamilySpec(
                "low-rank adaptation methods",
                "low-rank adaptation methods",
                "low-rank adaptation method",
                ("LoRA", "DoRA", "AdaLoRA", "VeRA", "PiSSA"),
            ),
            FamilySpec(
                "parameter-efficient fine-tuning",
                "parameter-efficient fine-tuning methods",
                "parameter-efficient fine-tuning method",
                ("IA3",),
            ),
            FamilySpec("adapter methods", "adapter-based methods", None, ("Compacter",)),
        ),
        ("instruction tuning", "commonsense reasoning", "mathematical reasoning"),
        ("GSM8K", "MNLI", "SST-2"),
        ("GLUE", "SuperGLUE"),
        ("accuracy", "memory footprint"),
        ("Instruct", "Reason", "Math", "Chat", "Logic"),
        ("BitFit",),
    ),
    Domain(
        "retrieval",
        (
            FamilySpec(
                "multi-vector retrieval", "multi-vector models", "late-interaction model", ("ColBERT", "ColBERTv2")
            ),
            FamilySpec("neural ranking models", "neural ranking models", "neural ranking model", ()),
            FamilySpec("bi-encoder retrievers", "dual encoders", None, ("DPR",)),
        ),
        ("passage retrieval", "document retrieval", "open-domain question answering"),
        ("MS MARCO", "Natural Questions", "HotpotQA", "SciFact"),
        ("BEIR", "MTEB", "LoTTE"),
        ("nDCG@10", "MRR@10", "Recall@100", "latency"),
        ("Legal", "Med", "Fin", "Patent", "Web"),
        ("BM25", "SPLADE"),
    ),
    Domain(
        "detection",
        (
            FamilySpec("object detection transformers", "detection transformers", None, ("DETR", "DINO")),
            FamilySpec("object detectors", "object detectors", None, ("YOLO", "RetinaNet", "Faster R-CNN")),
        ),
        ("object detection", "instance segmentation"),
        ("COCO", "LVIS", "Objects365"),
        ("ODinW",),
        ("AP", "AP50"),
        ("Aerial", "Drone", "Traffic", "Retail", "Wild"),
    ),
    Domain(
        "vision",
        (
            FamilySpec("vision mamba models", "vision mamba models", "vision mamba model", ("Vim", "VMamba")),
            FamilySpec(
                "efficient transformers", "efficient transformers", "efficient transformer", ("Linformer", "Performer")
            ),
            FamilySpec("linear attention", "linear attention mechanisms", "linear attention mechanism", ()),
        ),
        ("image classification", "semantic segmentation"),
        ("ImageNet-1K", "ADE20K", "Cityscapes", "CIFAR-100"),
        ("VTAB",),
        ("top-1 accuracy", "mIoU", "FLOPs"),
        ("Satellite", "Histo", "Scene", "Urban", "Crop"),
        ("ViT", "ResNet", "Swin Transformer"),
    ),
    Domain(
        "graphs",
        (FamilySpec("graph neural networks", "graph neural networks", None, ("GCN", "GAT", "GraphSAGE")),),
        ("node classification", "link prediction", "molecular property prediction"),
        (),
        (),
        ("accuracy", "ROC-AUC"),
        ("Mol", "Cite", "Social", "Protein", "Road"),
    ),
    Domain(
        "generation",
        (
            FamilySpec("diffusion models", "diffusion models", None, ("Stable Diffusion", "DDPM")),
            FamilySpec("generative adversarial networks", "generative adversarial networks", None, ()),
        ),
        ("image generation", "text-to-image generation"),
        ("FFHQ", "CelebA", "LSUN"),
        (),
        ("FID",),
        ("Face", "Art", "Scene", "Sketch", "Texture"),
    ),
    Domain(
        "language modeling",
        (
            FamilySpec("state space models", "state space models", None, ("Mamba", "S4")),
            FamilySpec(
                "efficient attention",
                "efficient attention mechanisms",
                "efficient attention mechanism",
                ("FlashAttention",),
            ),
        ),
        ("language modeling",),
        ("WikiText-103", "C4"),
        ("LongBench",),
        ("perplexity", "accuracy", "throughput"),
        ("Story", "Code", "Book", "Dialog", "News"),
        ("GPTQ", "AWQ"),
    ),
)

# Invented method names: Prefix + optional Infix + Core, one capitalised word each, so each
# split is unique and every name is name-shaped (two capitals).
PREFIXES = (
    "Flash",
    "Astra",
    "Nova",
    "Vexa",
    "Lumi",
    "Orbi",
    "Quasa",
    "Helio",
    "Strato",
    "Zephy",
    "Kairo",
    "Mira",
    "Nexa",
    "Opti",
    "Pyra",
    "Rho",
    "Sigma",
    "Tau",
    "Zeta",
    "Kappa",
    "Delta",
    "Echo",
    "Tera",
    "Velo",
    "Omni",
    "Hyper",
    "Meta",
    "Proto",
    "Neuro",
    "Poly",
    "Tri",
    "Uni",
    "Duo",
    "Ortho",
    "Para",
    "Spectra",
    "Chrono",
    "Cryo",
    "Ferro",
    "Gyro",
)
INFIXES = (
    "",
    "Graph",
    "Token",
    "Span",
    "Patch",
    "Query",
    "Layer",
    "Head",
    "Expert",
    "Prompt",
    "Memory",
    "Cache",
    "Vector",
    "Pixel",
    "Frame",
    "Node",
    "Block",
    "Step",
    "Kernel",
    "Latent",
    "Shard",
)
CORES = (
    "Mix",
    "Former",
    "Net",
    "Fuse",
    "Gate",
    "Flow",
    "Shift",
    "Scale",
    "Tune",
    "Route",
    "Fold",
    "Pool",
    "Mesh",
    "Hop",
    "Lens",
    "Loop",
    "Path",
    "Wave",
    "Bridge",
    "Stack",
    "Prism",
    "Spark",
    "Forge",
    "Pilot",
    "Weave",
    "Kit",
    "Core",
    "Sync",
    "Cast",
    "Drift",
)
# "Base-Suffix" names a variant of Base; none of these reads as a version or a size.
VARIANT_SUFFIXES = ("Lite", "Pro", "Turbo", "Sparse", "Long", "Edge", "Dyn", "Plus", "Fast", "Hier", "Quant", "Ada")
# Title-case words for acronym expansions ("Sparse Token Routing Network (STRN)").
LONG_WORDS = (
    "Adaptive",
    "Sparse",
    "Hierarchical",
    "Token",
    "Routing",
    "Mixture",
    "Memory",
    "Efficient",
    "Gated",
    "Residual",
    "Dynamic",
    "Latent",
    "Progressive",
    "Cross",
    "Contrastive",
    "Structured",
    "Kernel",
    "Shared",
    "Recurrent",
    "Spectral",
    "Modular",
    "Iterative",
    "Conditional",
    "Unified",
    "Scalable",
    "Partial",
)
LONG_HEADS = ("Network", "Transformer", "Adapter", "Encoder", "Tuning", "Mixer", "Decoder", "Operator")
DATASET_SUFFIXES = ("QA", "-DB", "NLI", "-10k", "-50k", "-2M", "Set-20k")

ADJECTIVES = ("Efficient", "Scalable", "Robust", "Lightweight", "Adaptive", "Fast", "Accurate", "Simple")
TITLE_NOUNS = (
    "Token Mixing",
    "Sparse Updates",
    "Memory Sharing",
    "Gated Fusion",
    "Expert Routing",
    "Layer Reuse",
    "State Caching",
)
MECHANISMS = (
    "shares low-rank updates across layers",
    "routes each token to a small set of experts",
    "caches intermediate states to avoid recomputation",
    "mixes local and global context with a gated residual path",
    "learns a sparse mask over the hidden units",
    "decouples the magnitude and the direction of each update",
)
CONTEXTS = (
    "Recent progress in {task} has been driven by ever larger networks, but their cost limits practical use.",
    "Progress in {task} increasingly depends on expensive training pipelines.",
    "Many practical systems for {task} must run under tight compute budgets.",
)
WEAKNESSES = (
    "scale poorly to long inputs",
    "struggle under distribution shift",
    "are brittle when labelled data is scarce",
    "remain costly to deploy",
)
GENERIC_LOSERS = (
    "existing baselines",
    "prior state-of-the-art methods",
    "all zero-shot baselines",
    "strong competing approaches",
)
SELF_REFERENCES = ("Our method", "Our approach", "We")
CLOSINGS = (
    "Ablation studies confirm that each component contributes to the final result.",
    "The code is publicly available.",
    "These results suggest that simple designs remain competitive at scale.",
)
