"""What a GraphQL document asks for, measured without expanding its fragments, and refused when it is too much.

strawberry's QueryDepthLimiter and MaxAliasesLimiter walk a fragment afresh at every spread, so
``fragment F1 on Paper { ...F0 ...F0 }`` chained 30 deep (1.4 KB) took 2^30 steps to check and
held the event loop for over 20 minutes. Here each fragment is measured once, with an explicit
stack, and its figures are reused at every spread. The check runs before graphql-core's own rules
and protects them too: merging same-named fields (OverlappingFieldsCanBeMerged) compares every
pair of them in one place, and every pair of fragments spread side by side, so pairs are capped.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    Node,
    OperationDefinitionNode,
    SelectionNode,
    SelectionSetNode,
)
from strawberry.extensions import SchemaExtension

MAX_TOKENS = 2_000  # parsing 2,000 tokens takes ~16 ms, 5,000 ~45 ms, and the event loop waits meanwhile
MAX_DEPTH = 10
MAX_ALIASES = 20
MAX_SELECTIONS = 2_000
MAX_REPEATS = 1_000
_HUGE = 10**15  # counts above this are written as "over" it: a 300-digit number is not readable


@dataclass(frozen=True)
class Size:
    """What a selection set expands to.

    ``depth`` counts nested fields with selections as strawberry's QueryDepthLimiter did (``{ a { b } }``
    is 1; introspection fields count 0); ``aliases`` and ``selections`` (fields, inline fragments and
    spreads) count every copy that spreads make.
    """

    depth: int = 0
    aliases: int = 0
    selections: int = 0


@dataclass
class _Frame:
    """A node whose selections are being measured, and their totals so far."""

    node: OperationDefinitionNode | FieldNode | InlineFragmentNode | FragmentSpreadNode
    selections: Iterator[SelectionNode]
    fragment: str | None = None  # the fragment a spread's frame measures
    depth: int = 0
    aliases: int = 0
    count: int = 0

    def add(self, size: Size) -> None:
        self.depth = max(self.depth, size.depth)
        self.aliases += size.aliases
        self.count += size.selections

    def totals(self) -> Size:
        return Size(self.depth, self.aliases, self.count)

    def size(self) -> Size:
        """The node's own size: its selections' totals, and itself unless it is the operation."""
        node = self.node
        if isinstance(node, OperationDefinitionNode):
            return self.totals()
        if isinstance(node, FieldNode):
            nested = node.selection_set is not None and not node.name.value.startswith("__")
            return Size(1 + self.depth if nested else 0, self.aliases + (node.alias is not None), 1 + self.count)
        return Size(self.depth, self.aliases, 1 + self.count)


def _selections(selection_set: SelectionSetNode | None) -> Iterator[SelectionNode]:
    return iter(selection_set.selections if selection_set else ())


class _FragmentCycle(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


@dataclass
class _Measure:
    """Sizes of a document's operations; each fragment is measured once and remembered."""

    fragments: Mapping[str, FragmentDefinitionNode]
    known: dict[str, Size] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def of(self, operation: OperationDefinitionNode) -> Size:
        """The operation's size; an explicit stack, so a chain of 1,000 fragments cannot overflow Python's."""
        stack = [_Frame(operation, _selections(operation.selection_set))]
        on_path: set[str] = set()
        while True:
            frame = stack[-1]
            selection = next(frame.selections, None)
            if selection is None:
                stack.pop()
                if frame.fragment is not None:
                    self.known[frame.fragment] = frame.totals()
                    on_path.discard(frame.fragment)
                if not stack:
                    return frame.size()
                stack[-1].add(frame.size())
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                self.used.add(name)
                if name in self.known:
                    known = self.known[name]
                    frame.add(Size(known.depth, known.aliases, 1 + known.selections))
                elif name in on_path:
                    raise _FragmentCycle(name)
                elif name in self.fragments:
                    on_path.add(name)
                    stack.append(_Frame(selection, _selections(self.fragments[name].selection_set), fragment=name))
                else:  # unknown: graphql-core's rules say so
                    frame.add(Size(selections=1))
            elif isinstance(selection, (FieldNode, InlineFragmentNode)):
                stack.append(_Frame(selection, _selections(selection.selection_set)))


@dataclass
class _Places:
    """How often each response name is selected in each place (response path) of an operation; 0 is its top level."""

    opened: dict[tuple[int, str], int] = field(default_factory=dict)  # (place, name) -> the place its fields open
    times: dict[tuple[int, str], int] = field(default_factory=dict)  # (place, name) -> how often

    def count(self, place: int, name: str) -> None:
        self.times[place, name] = self.times.get((place, name), 0) + 1

    def open(self, place: int, name: str) -> int:
        """Where the selections of the fields named ``name`` in ``place`` go: one place for all of them."""
        return self.opened.setdefault((place, name), len(self.opened) + 1)

    def pairs(self) -> int:
        return sum(_pairs(n) for n in self.times.values())

    def worst(self) -> tuple[str, str, int]:
        """The most repeated name: the path of its place, the name, how often."""
        key = max(self.times, key=self.times.__getitem__, default=(0, ""))
        place, name = key
        parents = {number: step for step, number in self.opened.items()}
        path: list[str] = []
        while place:
            place, step = parents[place]
            path.append(step)
        return ".".join(reversed(path)), name, self.times.get(key, 0)


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _places(operation: OperationDefinitionNode, fragments: Mapping[str, FragmentDefinitionNode]) -> _Places:
    """What the operation selects where, its fragments expanded: call it only once its size is known to be small.

    A fragment spread twice in one place counts once, as graphql-core compares it once.
    """
    places = _Places()
    spread: set[tuple[int, str]] = set()
    stack: list[tuple[SelectionSetNode | None, int]] = [(operation.selection_set, 0)]
    while stack:
        selection_set, place = stack.pop()
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                name = selection.alias.value if selection.alias else selection.name.value
                places.count(place, name)
                if selection.selection_set is not None:
                    stack.append((selection.selection_set, places.open(place, name)))
            elif isinstance(selection, InlineFragmentNode):
                stack.append((selection.selection_set, place))
            elif isinstance(selection, FragmentSpreadNode) and selection.name.value in fragments:
                if (place, selection.name.value) not in spread:
                    spread.add((place, selection.name.value))
                    stack.append((fragments[selection.name.value].selection_set, place))
    return places


def _side_by_side(document: DocumentNode) -> Iterator[tuple[int, Node]]:
    """How many distinct fragments each selection set of the document spreads (inline fragments flattened), and where.

    A walk of the document as written: graphql-core compares the fragments of each selection set pairwise.
    """
    for definition in document.definitions:
        if not isinstance(definition, (OperationDefinitionNode, FragmentDefinitionNode)):
            continue
        owners: list[tuple[Node, SelectionSetNode]] = [(definition, definition.selection_set)]
        while owners:
            owner, selection_set = owners.pop()
            names: set[str] = set()
            flattened = [selection_set]
            while flattened:
                for selection in flattened.pop().selections:
                    if isinstance(selection, FragmentSpreadNode):
                        names.add(selection.name.value)
                    elif isinstance(selection, InlineFragmentNode):
                        flattened.append(selection.selection_set)
                    elif isinstance(selection, FieldNode) and selection.selection_set is not None:
                        owners.append((selection, selection.selection_set))
            yield len(names), owner


def _amount(n: int) -> str:
    return f"{n:,}" if n <= _HUGE else f"over {_HUGE:,}"


def _size_errors(document: DocumentNode, fragments: Mapping[str, FragmentDefinitionNode]) -> list[GraphQLError]:
    """Depth and aliases (worded as strawberry's limiters did), expanded size, fragment cycles and unused fragments.

    Cycles and unused fragments are refused here, as graphql-core would refuse them, so that
    every fragment is measured as part of an operation and the measure is exact.
    """
    measure = _Measure(fragments)
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    try:
        sizes = [(operation, measure.of(operation)) for operation in operations]
    except _FragmentCycle as cycle:
        return [GraphQLError(f"Cannot spread fragment '{cycle.name}' within itself.", [fragments[cycle.name]])]
    errors = [
        GraphQLError(
            f"'{op.name.value if op.name else 'anonymous'}' exceeds maximum operation depth of {MAX_DEPTH}", [op]
        )
        for op, size in sizes
        if size.depth > MAX_DEPTH
    ]
    aliases = sum(size.aliases for _, size in sizes)
    if aliases > MAX_ALIASES:
        errors.append(GraphQLError(f"{_amount(aliases)} aliases found. Allowed: {MAX_ALIASES}"))
    selections = sum(size.selections for _, size in sizes)
    if selections > MAX_SELECTIONS:
        errors.append(
            GraphQLError(
                f"the query selects {_amount(selections)} fields and fragments once its fragments "
                f"are expanded; the limit is {MAX_SELECTIONS:,}"
            )
        )
    return errors + [
        GraphQLError(f"Fragment '{name}' is never used.", [fragment])
        for name, fragment in fragments.items()
        if name not in measure.used
    ]


def _repeat_errors(document: DocumentNode, fragments: Mapping[str, FragmentDefinitionNode]) -> list[GraphQLError]:
    """An error when merging repeated selections would cost graphql-core over ``MAX_REPEATS`` comparisons."""
    places = [_places(d, fragments) for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    spreads = list(_side_by_side(document))
    pairs = sum(p.pairs() for p in places) + sum(_pairs(n) for n, _ in spreads)
    if pairs <= MAX_REPEATS:
        return []
    tail = f"merging them means comparing {pairs:,} pairs, the limit is {MAX_REPEATS:,}"
    path, name, times = max((p.worst() for p in places), key=lambda worst: worst[2], default=("", "", 0))
    side_by_side, owner = max(spreads, key=lambda spread: spread[0], default=(0, document))
    if side_by_side > times:
        return [
            GraphQLError(
                f"too many repeated selections: {side_by_side:,} fragments are spread side by side in "
                f"one selection set; {tail}",
                [owner],
            )
        ]
    where = f"at {path}" if path else "at the top level"
    return [
        GraphQLError(
            f"too many repeated selections: '{name}' is selected {times:,} times in one place ({where}); {tail}"
        )
    ]


def cost_errors(document: DocumentNode) -> list[GraphQLError]:
    """An error for each cost limit the document breaks; linear in the document, whatever it expands to."""
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    return _size_errors(document, fragments) or _repeat_errors(document, fragments)


class QueryCost(SchemaExtension):
    """Refuses a document over the cost limits before graphql-core's rules see it.

    Goes before the validation cache, which must then leave a refused document alone. Tokens
    are capped earlier, while parsing (``MAX_TOKENS``, with strawberry's MaxTokensLimiter).
    """

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None and not context.pre_execution_errors:
            errors = cost_errors(context.graphql_document)
            if errors:
                context.pre_execution_errors = errors
        yield
