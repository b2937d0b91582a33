from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import errors as _errors
from ..models.embedded_model_schema_semantic_version_enum import EmbeddedModelSchemaSemanticVersionEnum

T = TypeVar("T", bound="EmbeddedModelSchema")


@_attrs_define(repr=False, eq=False)
class EmbeddedModelSchema:
    """Version stamp that Pieces OS puts on almost every object: the database migration the object was written under and
    the semantic version of the API.

    """

    migration: int
    """ The database migration number. """
    semantic: EmbeddedModelSchemaSemanticVersionEnum
    """ The semantic version of the Pieces API that an object was written for. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"migration={self.migration!r}, "
            f"semantic={self.semantic!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__ or not isinstance(other, EmbeddedModelSchema):
            return NotImplemented
        return (
            self.migration,
            self.semantic,
            self.additional_properties,
        ) == (
            other.migration,
            other.semantic,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        migration = self.migration

        semantic = self.semantic.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "migration": migration,
                "semantic": semantic,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build a EmbeddedModelSchema from decoded JSON, keeping unknown keys.

        Raises:
            errors.ResponseParseError: the data does not match the schema; its ``path`` says where.
        """
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise _errors.ResponseParseError(str(_errors.wrong_type("object", src_dict)))
        d = dict(src_dict)
        try:
            migration = d.pop("migration")
            if not (isinstance(migration, int) and not isinstance(migration, bool)):
                raise _errors.wrong_type("integer", migration)

        except Exception as _error:
            raise _errors.at(_error, "migration")

        try:
            _semantic = d.pop("semantic")
            semantic = (
                EmbeddedModelSchemaSemanticVersionEnum._by_value.get(_semantic) if isinstance(_semantic, str) else None
            ) or EmbeddedModelSchemaSemanticVersionEnum.from_value(_semantic)

        except Exception as _error:
            raise _errors.at(_error, "semantic")

        embedded_model_schema = cls(
            migration,
            semantic,
        )

        embedded_model_schema.additional_properties = d
        return embedded_model_schema

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
