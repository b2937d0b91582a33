from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import errors as _errors
from ..types import UNSET, Unset

T = TypeVar("T", bound="ModelMaxTokens")


@_attrs_define(repr=False, eq=False)
class ModelMaxTokens:
    """The context-window limits of a model. `total` is always present (it may be null when unknown); `input` and `output`
    are given only when the model limits them separately.

    """

    total: float | None
    """ The whole context window, in tokens. """
    schema: EmbeddedModelSchema | Unset = UNSET
    """ Version stamp that Pieces OS puts on almost every object: the database migration the object was written
    under and the semantic version of the API. """
    input_: float | None | Unset = UNSET
    """ The most tokens the prompt may take. """
    output: float | None | Unset = UNSET
    """ The most tokens the model may produce. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"total={self.total!r}, "
            f"schema={self.schema!r}, "
            f"input_={self.input_!r}, "
            f"output={self.output!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__ or not isinstance(other, ModelMaxTokens):
            return NotImplemented
        return (
            self.total,
            self.schema,
            self.input_,
            self.output,
            self.additional_properties,
        ) == (
            other.total,
            other.schema,
            other.input_,
            other.output,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        total: float | None
        total = self.total

        schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = self.schema.to_dict()

        input_: float | None | Unset
        if isinstance(self.input_, Unset):
            input_ = UNSET
        else:
            input_ = self.input_

        output: float | None | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        else:
            output = self.output

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
            }
        )
        if schema is not UNSET:
            field_dict["schema"] = schema
        if input_ is not UNSET:
            field_dict["input"] = input_
        if output is not UNSET:
            field_dict["output"] = output

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build a ModelMaxTokens from decoded JSON, keeping unknown keys.

        Raises:
            errors.ResponseParseError: the data does not match the schema; its ``path`` says where.
        """
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise _errors.ResponseParseError(str(_errors.wrong_type("object", src_dict)))
        d = dict(src_dict)
        try:
            total = d.pop("total")
            if total is not None and not (isinstance(total, (int, float)) and not isinstance(total, bool)):
                raise _errors.wrong_type("number or null", total)

        except Exception as _error:
            raise _errors.at(_error, "total")

        try:
            _schema = UNSET if (_popped := d.pop("schema", UNSET)) is None else _popped
            schema: EmbeddedModelSchema | Unset
            if isinstance(_schema, Unset):
                schema = UNSET
            else:
                schema = EmbeddedModelSchema.from_dict(_schema)

        except Exception as _error:
            raise _errors.at(_error, "schema")

        try:
            input_ = d.pop("input", UNSET)
            if (
                input_ is not None
                and input_ is not UNSET
                and not (isinstance(input_, (int, float)) and not isinstance(input_, bool))
            ):
                raise _errors.wrong_type("number or null", input_)

        except Exception as _error:
            raise _errors.at(_error, "input")

        try:
            output = d.pop("output", UNSET)
            if (
                output is not None
                and output is not UNSET
                and not (isinstance(output, (int, float)) and not isinstance(output, bool))
            ):
                raise _errors.wrong_type("number or null", output)

        except Exception as _error:
            raise _errors.at(_error, "output")

        model_max_tokens = cls(
            total,
            schema,
            input_,
            output,
        )

        model_max_tokens.additional_properties = d
        return model_max_tokens

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
