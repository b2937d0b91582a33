"""Contains all the data models used in inputs/outputs.

Each model module is imported the first time one of its names is used, so that importing one
operation loads only the models it needs.
"""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .byte_descriptor import ByteDescriptor
    from .embedded_model_schema import EmbeddedModelSchema
    from .embedded_model_schema_semantic_version_enum import EmbeddedModelSchemaSemanticVersionEnum
    from .external_ml_provider_enum import ExternalMLProviderEnum
    from .flattened_entity import FlattenedEntity
    from .grouped_timestamp import GroupedTimestamp
    from .model import Model
    from .model_capabilities import ModelCapabilities
    from .model_delete_cache_input import ModelDeleteCacheInput
    from .model_delete_cache_output import ModelDeleteCacheOutput
    from .model_foundation_enum import ModelFoundationEnum
    from .model_max_tokens import ModelMaxTokens
    from .model_type_enum import ModelTypeEnum
    from .model_usage_enum import ModelUsageEnum
    from .models import Models
    from .referenced_entity import ReferencedEntity
    from .referenced_model import ReferencedModel
    from .score import Score
    from .seeded_model import SeededModel

_MODULES = {
    "ByteDescriptor": ".byte_descriptor",
    "EmbeddedModelSchema": ".embedded_model_schema",
    "EmbeddedModelSchemaSemanticVersionEnum": ".embedded_model_schema_semantic_version_enum",
    "ExternalMLProviderEnum": ".external_ml_provider_enum",
    "FlattenedEntity": ".flattened_entity",
    "GroupedTimestamp": ".grouped_timestamp",
    "Model": ".model",
    "ModelCapabilities": ".model_capabilities",
    "ModelDeleteCacheInput": ".model_delete_cache_input",
    "ModelDeleteCacheOutput": ".model_delete_cache_output",
    "ModelFoundationEnum": ".model_foundation_enum",
    "ModelMaxTokens": ".model_max_tokens",
    "ModelTypeEnum": ".model_type_enum",
    "ModelUsageEnum": ".model_usage_enum",
    "Models": ".models",
    "ReferencedEntity": ".referenced_entity",
    "ReferencedModel": ".referenced_model",
    "Score": ".score",
    "SeededModel": ".seeded_model",
}


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = (
    "ByteDescriptor",
    "EmbeddedModelSchema",
    "EmbeddedModelSchemaSemanticVersionEnum",
    "ExternalMLProviderEnum",
    "FlattenedEntity",
    "GroupedTimestamp",
    "Model",
    "ModelCapabilities",
    "ModelDeleteCacheInput",
    "ModelDeleteCacheOutput",
    "ModelFoundationEnum",
    "ModelMaxTokens",
    "Models",
    "ModelTypeEnum",
    "ModelUsageEnum",
    "ReferencedEntity",
    "ReferencedModel",
    "Score",
    "SeededModel",
)
