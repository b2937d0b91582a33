from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import errors as _errors
from ..types import UNSET, Unset

T = TypeVar("T", bound="ByteDescriptor")


@_attrs_define(repr=False, eq=False)
class ByteDescriptor:
    """A size in bytes, with a human-readable rendering of it."""

    value: int
    """ The exact number of bytes. """
    readable: str
    """ The same size for display, such as `2.0 GB`. """
    schema: EmbeddedModelSchema | Unset = UNSET
    """ Version stamp that Pieces OS puts on almost every object: the database migration the object was written
    under and the semantic version of the API. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"value={self.value!r}, "
            f"readable={self.readable!r}, "
            f"schema={self.schema!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__ or not isinstance(other, ByteDescriptor):
            return NotImplemented
        return (
            self.value,
            self.readable,
            self.schema,
            self.additional_properties,
        ) == (
            other.value,
            other.readable,
            other.schema,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        readable = self.readable

        schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = self.schema.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "value": value,
                "readable": readable,
            }
        )
        if schema is not UNSET:
            field_dict["schema"] = schema

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build a ByteDescriptor from decoded JSON, keeping unknown keys.

        Raises:
            errors.ResponseParseError: the data does not match the schema; its ``path`` says where.
        """
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise _errors.ResponseParseError(str(_errors.wrong_type("object", src_dict)))
        d = dict(src_dict)
        try:
            value = d.pop("value")
            if not (isinstance(value, int) and not isinstance(value, bool)):
                raise _errors.wrong_type("integer", value)

        except Exception as _error:
            raise _errors.at(_error, "value")

        try:
            readable = d.pop("readable")
            if not (isinstance(readable, str)):
                raise _errors.wrong_type("string", readable)

        except Exception as _error:
            raise _errors.at(_error, "readable")

        try:
            _schema = UNSET if (_popped := d.pop("schema", UNSET)) is None else _popped
            schema: EmbeddedModelSchema | Unset
            if isinstance(_schema, Unset):
                schema = UNSET
            else:
                schema = EmbeddedModelSchema.from_dict(_schema)

        except Exception as _error:
            raise _errors.at(_error, "schema")

        byte_descriptor = cls(
            value,
            readable,
            schema,
        )

        byte_descriptor.additional_properties = d
        return byte_descriptor

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
