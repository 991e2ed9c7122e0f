import random

from kg.extract.lexicon import is_known
from kg.extract.mentions import is_name_shaped
from kg.synthetic.names import Zipf, acronym_definition, method_name
from kg.synthetic.vocab import CORES, INFIXES, PREFIXES


def test_method_names_are_distinct_name_shaped_and_unknown() -> None:
    space = len(PREFIXES) * len(INFIXES) * len(CORES)
    names = [method_name(k, offset=123) for k in range(space + 500)]
    assert len(set(names)) == len(names)
    assert all(is_name_shaped(n) and not is_known(n) for n in names[::7])
    assert names[space].endswith("-2")  # past the space, a version suffix keeps names distinct


def test_zipf_prefers_the_first_items() -> None:
    picks = Zipf(list(range(50))).distinct(random.Random(1), 50)
    counts = [0] * 50
    rng = random.Random(2)
    z = Zipf(list(range(50)))
    for _ in range(5000):
        counts[z.pick(rng)] += 1
    assert counts[0] > 5 * counts[20] and len(set(picks)) == len(picks)


def test_acronyms_spell_their_long_form() -> None:
    rng = random.Random(0)
    for _ in range(50):
        long_form, short = acronym_definition(rng)
        assert short == "".join(w[0] for w in long_form.split()) and not is_known(short)
