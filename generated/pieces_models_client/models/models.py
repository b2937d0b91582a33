from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import errors as _errors
from ..types import UNSET, Unset

T = TypeVar("T", bound="Models")


@_attrs_define(repr=False, eq=False)
class Models:
    """The model registry of a Pieces OS instance."""

    iterable: list[Model]
    """ Every model known to Pieces OS, in the order the server keeps them. """
    schema: EmbeddedModelSchema | Unset = UNSET
    """ Version stamp that Pieces OS puts on almost every object: the database migration the object was written
    under and the semantic version of the API. """
    score: Score | Unset = UNSET
    """ Usage points Pieces OS keeps for ranking: `manual` counts what the user did explicitly, `automatic` what
    Pieces observed on its own. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"iterable={self.iterable!r}, "
            f"schema={self.schema!r}, "
            f"score={self.score!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__ or not isinstance(other, Models):
            return NotImplemented
        return (
            self.iterable,
            self.schema,
            self.score,
            self.additional_properties,
        ) == (
            other.iterable,
            other.schema,
            other.score,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        iterable = []
        for iterable_item_data in self.iterable:
            iterable_item = iterable_item_data.to_dict()
            iterable.append(iterable_item)

        schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = self.schema.to_dict()

        score: dict[str, Any] | Unset = UNSET
        if not isinstance(self.score, Unset):
            score = self.score.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "iterable": iterable,
            }
        )
        if schema is not UNSET:
            field_dict["schema"] = schema
        if score is not UNSET:
            field_dict["score"] = score

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build a Models from decoded JSON, keeping unknown keys.

        Raises:
            errors.ResponseParseError: the data does not match the schema; its ``path`` says where.
        """
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise _errors.ResponseParseError(str(_errors.wrong_type("object", src_dict)))
        d = dict(src_dict)
        try:
            iterable = []
            _iterable = d.pop("iterable")
            if not isinstance(_iterable, list):
                raise _errors.wrong_type("array", _iterable)
            for iterable_index, iterable_item_data in enumerate(_iterable):
                try:
                    iterable_item = Model.from_dict(iterable_item_data)

                except Exception as _error:
                    raise _errors.at(_error, iterable_index)
                iterable.append(iterable_item)

        except Exception as _error:
            raise _errors.at(_error, "iterable")

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
            _score = UNSET if (_popped := d.pop("score", UNSET)) is None else _popped
            score: Score | Unset
            if isinstance(_score, Unset):
                score = UNSET
            else:
                score = Score.from_dict(_score)

        except Exception as _error:
            raise _errors.at(_error, "score")

        models = cls(
            iterable,
            schema,
            score,
        )

        models.additional_properties = d
        return models

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
from ..models.model import Model
from ..models.score import Score
