from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import errors as _errors
from ..types import UNSET, Unset

T = TypeVar("T", bound="Score")


@_attrs_define(repr=False, eq=False)
class Score:
    """Usage points Pieces OS keeps for ranking: `manual` counts what the user did explicitly, `automatic` what Pieces
    observed on its own.

    """

    manual: int
    """ Points from explicit user actions. """
    automatic: int
    """ Points from activity Pieces recorded by itself. """
    schema: EmbeddedModelSchema | Unset = UNSET
    """ Version stamp that Pieces OS puts on almost every object: the database migration the object was written
    under and the semantic version of the API. """
    priority: int | Unset = UNSET
    """ An explicit ranking weight. """
    reuse: int | Unset = UNSET
    """ Points from reusing the object. """
    update: int | Unset = UNSET
    """ Points from updating the object. """
    reference: int | Unset = UNSET
    """ Points from the object being referenced elsewhere. """
    searched: int | Unset = UNSET
    """ Points from the object turning up in searches. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"manual={self.manual!r}, "
            f"automatic={self.automatic!r}, "
            f"schema={self.schema!r}, "
            f"priority={self.priority!r}, "
            f"reuse={self.reuse!r}, "
            f"update={self.update!r}, "
            f"reference={self.reference!r}, "
            f"searched={self.searched!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__ or not isinstance(other, Score):
            return NotImplemented
        return (
            self.manual,
            self.automatic,
            self.schema,
            self.priority,
            self.reuse,
            self.update,
            self.reference,
            self.searched,
            self.additional_properties,
        ) == (
            other.manual,
            other.automatic,
            other.schema,
            other.priority,
            other.reuse,
            other.update,
            other.reference,
            other.searched,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        manual = self.manual

        automatic = self.automatic

        schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = self.schema.to_dict()

        priority = self.priority

        reuse = self.reuse

        update = self.update

        reference = self.reference

        searched = self.searched

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "manual": manual,
                "automatic": automatic,
            }
        )
        if schema is not UNSET:
            field_dict["schema"] = schema
        if priority is not UNSET:
            field_dict["priority"] = priority
        if reuse is not UNSET:
            field_dict["reuse"] = reuse
        if update is not UNSET:
            field_dict["update"] = update
        if reference is not UNSET:
            field_dict["reference"] = reference
        if searched is not UNSET:
            field_dict["searched"] = searched

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build a Score from decoded JSON, keeping unknown keys.

        Raises:
            errors.ResponseParseError: the data does not match the schema; its ``path`` says where.
        """
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise _errors.ResponseParseError(str(_errors.wrong_type("object", src_dict)))
        d = dict(src_dict)
        try:
            manual = d.pop("manual")
            if not (isinstance(manual, int) and not isinstance(manual, bool)):
                raise _errors.wrong_type("integer", manual)

        except Exception as _error:
            raise _errors.at(_error, "manual")

        try:
            automatic = d.pop("automatic")
            if not (isinstance(automatic, int) and not isinstance(automatic, bool)):
                raise _errors.wrong_type("integer", automatic)

        except Exception as _error:
            raise _errors.at(_error, "automatic")

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
            priority = UNSET if (_popped := d.pop("priority", UNSET)) is None else _popped
            if priority is not UNSET and not (isinstance(priority, int) and not isinstance(priority, bool)):
                raise _errors.wrong_type("integer", priority)

        except Exception as _error:
            raise _errors.at(_error, "priority")

        try:
            reuse = UNSET if (_popped := d.pop("reuse", UNSET)) is None else _popped
            if reuse is not UNSET and not (isinstance(reuse, int) and not isinstance(reuse, bool)):
                raise _errors.wrong_type("integer", reuse)

        except Exception as _error:
            raise _errors.at(_error, "reuse")

        try:
            update = UNSET if (_popped := d.pop("update", UNSET)) is None else _popped
            if update is not UNSET and not (isinstance(update, int) and not isinstance(update, bool)):
                raise _errors.wrong_type("integer", update)

        except Exception as _error:
            raise _errors.at(_error, "update")

        try:
            reference = UNSET if (_popped := d.pop("reference", UNSET)) is None else _popped
            if reference is not UNSET and not (isinstance(reference, int) and not isinstance(reference, bool)):
                raise _errors.wrong_type("integer", reference)

        except Exception as _error:
            raise _errors.at(_error, "reference")

        try:
            searched = UNSET if (_popped := d.pop("searched", UNSET)) is None else _popped
            if searched is not UNSET and not (isinstance(searched, int) and not isinstance(searched, bool)):
                raise _errors.wrong_type("integer", searched)

        except Exception as _error:
            raise _errors.at(_error, "searched")

        score = cls(
            manual,
            automatic,
            schema,
            priority,
            reuse,
            update,
            reference,
            searched,
        )

        score.additional_properties = d
        return score

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
