from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import errors as _errors
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReferencedModel")


@_attrs_define(repr=False, eq=False)
class ReferencedModel:
    """A pointer to a model by id, without the model's data."""

    id: str
    """ The model's id. """
    schema: EmbeddedModelSchema | Unset = UNSET
    """ Version stamp that Pieces OS puts on almost every object: the database migration the object was written
    under and the semantic version of the API. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"id={self.id!r}, "
            f"schema={self.schema!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__ or not isinstance(other, ReferencedModel):
            return NotImplemented
        return (
            self.id,
            self.schema,
            self.additional_properties,
        ) == (
            other.id,
            other.schema,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = self.schema.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if schema is not UNSET:
            field_dict["schema"] = schema

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build a ReferencedModel from decoded JSON, keeping unknown keys.

        Raises:
            errors.ResponseParseError: the data does not match the schema; its ``path`` says where.
        """
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise _errors.ResponseParseError(str(_errors.wrong_type("object", src_dict)))
        d = dict(src_dict)
        try:
            id = d.pop("id")
            if not (isinstance(id, str)):
                raise _errors.wrong_type("string", id)

        except Exception as _error:
            raise _errors.at(_error, "id")

        try:
            _schema = UNSET if (_popped := d.pop("schema", UNSET)) is None else _popped
            schema: EmbeddedModelSchema | Unset
            if isinstance(_schema, Unset):
                schema = UNSET
            else:
                schema = EmbeddedModelSchema.from_dict(_schema)

        except Exception as _error:
            raise _errors.at(_error, "schema")

        referenced_model = cls(
            id,
            schema,
        )

        referenced_model.additional_properties = d
        return referenced_model

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


# Imported after the class so that models which refer to each other can still import each other.
from ..models.embedded_model_schema import EmbeddedModelSchema
