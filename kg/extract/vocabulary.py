"""The extractor's word lists, in one place, by the role each plays.

Every rule of ``kg.extract`` that looks a word up looks here, so a list is found, reviewed and
extended once. Lists are lower-case unless the rule compares exact case (noted where so). Larger
vocabularies learned or curated as data (known entities, not-entity names) are in ``kg/data``.
"""

from __future__ import annotations

from kg.records import EntityType

# --- Acronym definitions: words a spelled-out long form does not start or end with.

LONG_FORM_STOP_WORDS = {"and", "or", "the", "a", "an", "of", "we", "our", "this", "is", "are", "e.g.", "i.e."}


# --- Noun phrases (kg.extract.chunks): what is trimmed off a phrase, and phrases that name nothing alone.

CHUNK_LEADING_NOISE = frozenset({
    "novel", "new", "existing", "proposed", "various", "different", "several", "many", "multiple", "strong",
    "recent", "popular", "prior", "previous", "current", "standard", "typical", "conventional", "traditional",
    "effective", "efficient", "simple", "powerful", "robust", "significant", "substantial", "large", "small",
    "extensive", "comprehensive", "other", "such", "same", "first", "second", "third", "key", "main", "major",
    "specific", "general", "overall", "whole", "entire", "original", "additional", "further", "more", "most",
    "less", "fewer", "better", "best", "higher", "lower", "superior", "competitive", "remarkable", "promising",
    "challenging", "important", "critical", "crucial", "diverse", "wide", "broad", "great", "good", "high",
    "low", "impressive", "considerable", "notable", "improved", "enhanced", "unified", "unique", "state-of-the-art",
    "sota", "leading", "well-known", "widely-used", "widely", "commonly", "common", "underlying", "resulting",
    "corresponding", "respective", "given", "certain", "numerous", "empirical", "optional", "only", "novel",
})

CHUNK_TRAILING_HEADS = frozenset({
    "method", "methods", "approach", "approaches", "framework", "frameworks", "technique", "techniques",
    "strategy", "strategies", "mechanism", "mechanisms", "scheme", "schemes", "paradigm", "paradigms",
    "pipeline", "pipelines", "module", "modules", "procedure", "procedures", "process", "setting", "settings",
    "performance", "results", "result", "capabilities", "capability", "ability", "abilities", "problem", "problems",
    "component", "components",
})

CHUNK_GENERIC_ALONE = frozenset({
    "model", "models", "method", "methods", "data", "paper", "work", "results", "performance", "approach",
    "framework", "task", "tasks", "system", "systems", "network", "networks", "experiments", "analysis",
    "state", "art", "way", "ways", "number", "set", "use", "terms", "order", "time", "problem", "cost",
    "information", "knowledge", "example", "examples", "case", "cases", "type", "types", "form", "forms",
    "level", "levels", "range", "variety", "amount", "part", "parts", "lack", "need", "fact", "effect",
    "effects", "impact", "aspect", "aspects", "step", "steps", "stage", "stages", "process", "quality",
})


# --- Coined names (kg.extract.coined): heads of a proposal's name, reporting and quantity words around it.

# nouns that say "a kind of contribution"; dropped from the end of a coined phrase
COINED_HEAD_NOUNS = {
    "method", "approach", "framework", "model", "technique", "algorithm", "module", "mechanism", "strategy",
    "scheme", "pipeline", "system", "architecture", "network", "loss", "function", "objective", "layer",
    "component", "procedure", "process", "paradigm", "design", "term", "block", "variant", "version",
    "policy", "techniques", "methods", "technologies", "technology", "idea", "solution", "tool",
}

# heads after a known name that make a new artefact: "an improved DETR detector", "a BEIR leaderboard"
ARTEFACT_HEADS = (
    "detector", "model", "leaderboard", "benchmark", "dataset", "variant", "version", "architecture",
    "backbone", "encoder", "decoder", "retriever", "reranker", "toolkit", "library", "corpus", "suite",
)

# heads of reporting phrases ("extensive experiments are presented"): never a contribution's name
REPORTING_WORDS = {
    "experiments", "experiment", "results", "analysis", "analyses", "evaluation", "evaluations", "study", "studies",
    "findings", "comparisons", "ablations", "discussion", "proof", "proofs", "bounds", "guarantees", "details",
    "examples", "insights", "overview", "survey", "observations", "evidence",
}

# words that make a phrase about a class of (often earlier) work, never one coined name
QUANTITY_WORDS = {
    "two", "three", "four", "several", "many", "some", "various", "multiple", "both", "each", "all", "numerous",
    "existing", "previous", "prior", "recent", "other", "such", "these", "those",
}

COINED_HEAD_TYPES: dict[str, EntityType] = {
    "leaderboard": "Benchmark", "benchmark": "Benchmark", "suite": "Benchmark",
    "dataset": "Dataset", "corpus": "Dataset",
}


# --- Entity groups (kg.extract.entities): names too generic to be a node; heads of a class of methods.

GENERIC_NAMES = {
    "method", "methods", "model", "models", "approach", "approaches", "framework", "system", "network",
    "networks", "baseline", "baselines", "technique", "techniques", "algorithm", "algorithms", "task",
    "tasks", "dataset", "datasets", "benchmark", "benchmarks", "experiment", "experiments", "results",
    "performance", "paper", "work", "state-of-the-art", "sota",
}

CLASS_HEADS = {"methods", "approaches", "techniques", "models", "variants", "architectures", "algorithms"}


# --- Families (kg.extract.families): heads that say a name and its family are the same thing.

SAME_THING_HEADS = {"search", "model", "models", "module", "layer", "layers", "method", "framework", "system", "network"}


# --- Node hygiene (kg.extract.hygiene): hyphenated adjectives that are no names.

HYPHENATED_ADJECTIVES = frozenset({"out-of-distribution", "in-distribution", "state-of-the-art", "end-to-end", "off-the-shelf"})


# --- Family membership (kg.extract.membership): evaluative words, verbs and heads that are no class.

# adjectives that praise or quantify a class without narrowing it: "popular PEFT methods" is PEFT
EVALUATIVE_WORDS = {
    "novel", "new", "simple", "effective", "efficient", "improved", "popular", "existing", "standard",
    "mainstream", "traditional", "conventional", "classical", "current", "recent", "prior", "previous",
    "different", "diverse", "numerous", "state-of-the-art", "sota", "modern", "common", "commonly",
    "widely-used", "well-known", "prevalent", "prevailing", "leading", "strong", "powerful", "general",
    "generic", "typical", "representative", "advanced", "competitive", "alternative", "various",
    "key", "main", "major", "emerging", "promising", "related", "certain", "specific", "large", "small",
    "higher", "lower", "larger", "smaller", "better", "stronger", "faster", "recently", "especially",
}

# verbs that often sit right before a class noun phrase ("apply pretrained encoders like BERT")
MEMBERSHIP_VERBS = {
    "use", "uses", "used", "using", "apply", "applies", "applying", "leverage", "leverages", "leveraging",
    "employ", "employs", "employing", "adopt", "adopts", "adopting", "introduce", "introduces", "propose",
    "proposes", "include", "includes", "compare", "compares", "study", "studies", "evaluate", "evaluates",
    "explore", "explores", "combine", "combines", "integrate", "integrates", "outperform", "outperforms",
    "consider", "considers", "train", "trains", "develop", "develops", "rely", "relies", "require",
    "requires", "investigate", "investigates", "examine", "examines", "fine-tune", "fine-tunes", "build",
    "builds", "surpass", "surpasses", "beat", "beats", "revisit", "analyze", "analyse", "achieve", "show",
    "proposed", "called", "named", "termed", "dubbed", "known",
}

# plural heads that name things other than method classes: "datasets such as COCO", "tasks like QA"
NOT_CLASS_HEADS = {
    "tasks", "datasets", "benchmarks", "metrics", "domains", "languages", "scenarios", "settings",
    "applications", "problems", "categories", "areas", "fields", "features", "factors", "resources",
    "baselines", "works", "studies", "papers", "results", "experiments", "properties", "components",
    "modules", "layers", "operations", "inputs", "outputs", "data", "corpora", "collections", "modalities",
    "hyperparameters", "parameters", "limitations", "issues", "challenges", "devices", "gpus", "hardware",
    "platforms", "toolkits", "libraries", "frameworks", "systems", "approaches", "methods", "techniques",
    "models", "algorithms", "architectures", "variants", "strategies", "designs", "networks", "things",
    "cases", "examples", "words", "tokens", "documents", "queries", "objects", "images", "texts", "users",
    "aspects", "dimensions", "sizes", "types", "kinds", "forms", "steps", "stages", "phases", "blocks",
    "backbones", "cases",
}

GENERIC_CLASS_HEADS = {
    "method", "methods", "technique", "techniques", "approach", "approaches", "framework", "frameworks",
    "algorithm", "algorithms", "model", "models", "variant", "variants", "architecture", "architectures",
    "strategy", "strategies", "scheme", "schemes", "family", "families",
}


# --- Mentions (kg.extract.mentions): words that are no names, heads of task and method names, modifiers.

NOT_NAMES = {
    "AI", "II", "III", "IV", "VI", "GPU", "GPUs", "CPU", "CPUs", "TPU", "API", "APIs", "URL", "PDF", "US",
    "UK", "OK", "TB", "GB", "MB", "KB", "FPS", "SOTA", "ID", "IDs", "IoT", "PhD", "vs", "LaTeX", "GitHub",
    "RQ", "RQs", "QA", "FMs", "FM", "DL", "ML", "NLP", "CV", "XL", "HD", "OOD",
}

SCORE_SUFFIXES = {"F1", "EM", "AP", "AUC", "mAP", "ACC"}  # "ROUGE-2 F1" is one metric

NAME_HEADS = {"attention", "sampling", "search"}  # "DiffQKV attention", "BoN sampling", "ANN search"

TASK_HEADS = (
    "retrieval", "recognition", "detection", "classification", "segmentation", "generation",
    "translation", "summarization", "summarisation", "answering", "reasoning", "search", "tagging",
    "parsing", "captioning", "estimation", "forecasting", "understanding", "modeling", "modelling",
    "synthesis", "alignment", "ranking", "reranking", "re-ranking", "completion", "extraction",
    "linking", "localization", "tracking", "compression", "discovery", "prediction",
    "comprehension", "recommendation", "transfer", "inpainting", "editing", "customization",
)

MODIFIER_BLOCK = {
    "efficient", "effective", "existing", "novel", "new", "proposed", "various", "different", "better",
    "robust", "standard", "previous", "current", "recent", "diverse", "challenging", "practical",
    "improved", "improving", "improve", "improves", "accurate", "fast", "faster", "strong", "stronger",
    "good", "best", "high", "higher", "low", "lower", "many", "several", "multiple", "downstream",
    "competitive", "superior", "final", "overall", "specific", "general", "traditional", "popular",
    "impressive", "significant", "remarkable", "scalable", "flexible", "simple", "unified", "real-world",
    "state-of-the-art", "such", "other", "both", "all", "each", "their", "its", "our", "these", "those",
    "this", "that", "which", "whose", "for", "in", "on", "of", "to", "and", "or", "with", "by", "via",
    "used", "using", "based", "first", "large", "small", "key", "main", "related", "well",
    "perform", "performs", "achieve", "achieves", "use", "uses", "train", "apply", "applies", "enable",
    "enables", "support", "supports", "tackle", "address", "solve", "including", "include", "includes",
    "represent", "resulting", "leverage", "leverages", "study", "studies", "propose", "present", "show",
    "shows", "demonstrate", "facilitate", "boost", "boosting", "enhance", "enhancing", "require", "requires",
    "complex", "commonly", "make", "makes", "allow", "allows", "called", "named", "like", "as",
    "outperform", "outperforms", "surpass", "surpasses", "beat", "beats", "describe", "expressive",
    "conduct", "conducts", "evaluate", "evaluates", "explore", "explores", "investigate", "compare",
    "handle", "handles", "help", "helps", "reduce", "reduces", "improved", "efficiently", "effectively",
    "requiring", "involving", "needing", "demanding", "spanning", "covering", "beyond",
    "additional", "inaccurate", "distinctive", "precise", "subpar", "poor", "unseen",
    "assess", "generate", "weak", "modern", "in-depth", "intensive", "major", "minor", "comprehensive",
    "empirical", "high-quality", "low-quality", "suboptimal", "sub-optimal", "incorporate", "incorporates",
}

S_NOT_PLURAL = ("ss", "us", "is", "ics", "ous", "ws", "ies")  # class, corpus, analysis, robotics, news, series

# -ing words that are nouns inside task names ("reading comprehension", "ranking distillation"); any
# other leading -ing word is a verb taking the task as its object ("performing code retrieval")
ING_NOUNS = {
    "learning", "reasoning", "ranking", "reading", "tracking", "parsing", "tagging", "labeling", "labelling",
    "matching", "clustering", "modeling", "modelling", "processing", "training", "sampling", "embedding",
    "planning", "forecasting", "answering", "captioning", "grounding", "understanding", "mining", "editing",
    "inpainting", "denoising", "coding", "programming", "computing", "filtering", "hashing", "indexing",
    "routing", "scheduling", "pruning", "decoding", "encoding", "prompting", "pretraining", "pre-training",
    "fine-tuning", "finetuning", "spelling", "speaking", "writing", "driving", "hearing", "sensing",
    "imaging", "streaming", "computing", "recommending", "dialogue", "tuning", "merging", "unlearning",
}

# participles that do name a kind of task ("supervised learning", "federated learning")
ED_MODIFIERS = {
    "supervised", "unsupervised", "federated", "distributed", "constrained", "guided", "augmented", "grounded",
    "structured", "unstructured", "automated", "controlled", "masked", "generalized", "generalised",
    "personalized", "personalised", "specialized", "pretrained", "embedded", "imbalanced", "labeled", "labelled",
    "unlabeled", "unlabelled", "annotated", "connected", "directed", "undirected", "weighted", "shared", "mixed",
    "fixed", "detailed", "limited", "tailed", "conditioned", "compressed", "quantized", "sparsified", "retrieved",
}


# --- Name keys (kg.extract.names): endings where a final s is no plural.

KEEP_FINAL_S = ("ss", "us", "is", "ous")


# --- Proposals (kg.extract.proposed): title leads and title names that propose nothing.

NOT_LEAD_HEADS = {"limits", "analysis", "study", "properties", "nature", "benefits", "role", "power", "effects",
                   "lessons", "challenges", "resources", "models", "foundations", "look", "view"}

NOT_TITLE_NAMES = {"survey", "review", "tutorial", "overview", "introduction", "position", "perspective"}


# --- Types by rule (kg.extract.type_rules): the word after a name, system words, metric heads.

NEXT_WORD_TYPES: dict[str, EntityType] = {
    "dataset": "Dataset", "datasets": "Dataset", "corpus": "Dataset", "corpora": "Dataset",
    "collection": "Dataset", "benchmark": "Benchmark", "benchmarks": "Benchmark", "leaderboard": "Benchmark",
    "suite": "Benchmark", "score": "Metric", "scores": "Metric", "metric": "Metric", "metrics": "Metric",
    "task": "Task", "tasks": "Task", "problem": "Task", "model": "Method", "models": "Method",
    "method": "Method", "methods": "Method", "algorithm": "Method", "framework": "Method",
    "approach": "Method", "module": "Method", "architecture": "Method", "optimizer": "Method",
}

SYSTEM_WORDS = {"framework", "frameworks", "architecture", "algorithm", "module", "optimizer", "pipeline"}

METRIC_HEADS = ("accuracy", "score", "rate", "error", "precision", "recall", "latency", "speed",
                 "throughput", "consistency", "distance", "similarity", "loss", "gap", "margin", "time",
                 "cost", "footprint", "usage", "perplexity", "f1", "auc")
