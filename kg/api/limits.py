"""Cross-cutting request rules as schema extensions: query cost, introspection, argument caps, masking, round trips.

Resolvers never check these themselves: every rule runs before execution (parsing, validation)
or around it (masking, the round-trip count). The query cost (tokens, depth, aliases, expanded
size, repeats: ``kg.api.graphql_cost``) is checked before graphql-core's own rules, which the
cache then skips for a refused document. Validation results are cached per query text, so the
rules that depend on variables (argument caps) run apart from the cached ones.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from graphql import (
    ArgumentNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
)
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaskErrors,
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
    ValidationCache,
)

from kg.api.graphql_cost import MAX_TOKENS, QueryCost
from kg.api.pages import MAX_PAGE
from kg.errors import KgError

MAX_HOPS = 6
ARGUMENT_LIMITS: Mapping[str, int] = {"first": MAX_PAGE, "maxHops": MAX_HOPS}
CACHED_QUERIES = 256
INTROSPECTION_ENV = "KG_GRAPHQL_INTROSPECTION"
_OFF = frozenset({"0", "false", "off", "no"})


def _arguments(selection_set: SelectionSetNode | None) -> Iterator[ArgumentNode]:
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, FieldNode):
            yield from selection.arguments or ()
        if isinstance(selection, (FieldNode, InlineFragmentNode)):
            yield from _arguments(selection.selection_set)


def argument_errors(
    document: DocumentNode, variables: Mapping[str, Any], limits: Mapping[str, int]
) -> list[GraphQLError]:
    """An error for every capped argument (literal, variable or variable default) outside 0..limit."""
    defaults: dict[str, int] = {}
    arguments: list[ArgumentNode] = []
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            for var in definition.variable_definitions or ():
                if isinstance(var.default_value, IntValueNode):
                    defaults[var.variable.name.value] = int(var.default_value.value)
        if isinstance(definition, (OperationDefinitionNode, FragmentDefinitionNode)):
            arguments.extend(_arguments(definition.selection_set))
    errors = []
    for node in arguments:
        name = node.name.value
        if name not in limits:
            continue
        value: Any = None
        if isinstance(node.value, IntValueNode):
            value = int(node.value.value)
        elif isinstance(node.value, VariableNode):
            var_name = node.value.name.value
            value = variables.get(var_name, defaults.get(var_name))
        if isinstance(value, int) and not 0 <= value <= limits[name]:
            hint = "; page on with after: pageInfo.endCursor" if name == "first" else ""
            errors.append(GraphQLError(f"{name} must be between 0 and {limits[name]}, got {value}{hint}", [node]))
    return errors


class ArgumentLimits(SchemaExtension):
    """Refuses integer arguments outside 0..limit (``first`` ≤ 100, ``maxHops`` ≤ 6) before execution.

    Runs after the (cached) validation has found the document valid, and reports its errors
    the way validation does.
    """

    limits: Mapping[str, int] = ARGUMENT_LIMITS

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None and not context.pre_execution_errors:
            errors = argument_errors(context.graphql_document, context.variables or {}, self.limits)
            if errors:
                context.pre_execution_errors = errors
        yield


def is_internal(error: GraphQLError) -> bool:
    """Mask errors that are not meant for the caller: anything but GraphQL's own and kg's KgErrors."""
    original = error.original_error
    return original is not None and not isinstance(original, (GraphQLError, KgError))


class RoundTrips(SchemaExtension):
    """Reports the request's store round trips as ``extensions.roundTrips``."""

    def get_results(self) -> dict[str, Any]:
        reads = getattr(self.execution_context.context, "reads", None)
        return {"roundTrips": reads.round_trips} if reads is not None else {}


class RefusalAwareValidationCache(ValidationCache):
    """strawberry's validation cache, which would validate (and overwrite the errors of) a document already refused.

    Skipping it is the point of checking the query cost first: graphql-core's rules never see a bomb.
    """

    def on_validate(self) -> Iterator[None]:
        if self.execution_context.pre_execution_errors:
            yield
        else:
            yield from super().on_validate()


def introspection_allowed() -> bool:
    """Whether ``__schema`` / ``__type`` queries are answered: yes unless KG_GRAPHQL_INTROSPECTION is 0/false/off/no.

    Read on every request, so a test (or an operator's shell) can switch it without a restart.
    """
    return os.environ.get(INTROSPECTION_ENV, "").strip().lower() not in _OFF


def _tokens() -> MaxTokensLimiter:
    return MaxTokensLimiter(max_token_count=MAX_TOKENS)


def _introspection() -> AddValidationRules:
    return AddValidationRules([]) if introspection_allowed() else DisableIntrospection()


def _parser_cache() -> ParserCache:
    return ParserCache(maxsize=CACHED_QUERIES)


def _validation_cache() -> ValidationCache:
    return RefusalAwareValidationCache(maxsize=CACHED_QUERIES)


def _masking() -> MaskErrors:
    return MaskErrors(should_mask_error=is_internal, error_message="Internal error; the server log has the details.")


def extensions() -> Iterable[Callable[[], SchemaExtension]]:
    """Every rule the schema runs, in order (the cost before the cached validation, the argument caps after it)."""
    return [_tokens, _introspection, _parser_cache, QueryCost, _validation_cache, ArgumentLimits, _masking, RoundTrips]
