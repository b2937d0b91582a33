"""Contains all the data models used in inputs/outputs"""

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
