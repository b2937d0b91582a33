from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import errors as _errors
from ..types import UNSET, Unset

T = TypeVar("T", bound="ModelCapabilities")


@_attrs_define(repr=False, eq=False)
class ModelCapabilities:
    """Which kinds of context a model may be given."""

    schema: EmbeddedModelSchema | Unset = UNSET
    """ Version stamp that Pieces OS puts on almost every object: the database migration the object was written
    under and the semantic version of the API. """
    assets: bool | Unset = UNSET
    """ The model may use saved snippets and their metadata as context. """
    codebases: bool | Unset = UNSET
    """ The model may use whole code bases as context. """
    documents: bool | Unset = UNSET
    """ The model may use files of code or text as context. """
    images: bool | Unset = UNSET
    """ The model may use images as context. """
    temporal: bool | Unset = UNSET
    """ The model may use live, time-based context (what the user did and when). """
    videos: bool | Unset = UNSET
    """ The model may use video files as context. """
    websites: bool | Unset = UNSET
    """ The model may use web pages as context. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"schema={self.schema!r}, "
            f"assets={self.assets!r}, "
            f"codebases={self.codebases!r}, "
            f"documents={self.documents!r}, "
            f"images={self.images!r}, "
            f"temporal={self.temporal!r}, "
            f"videos={self.videos!r}, "
            f"websites={self.websites!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__ or not isinstance(other, ModelCapabilities):
            return NotImplemented
        return (
            self.schema,
            self.assets,
            self.codebases,
            self.documents,
            self.images,
            self.temporal,
            self.videos,
            self.websites,
            self.additional_properties,
        ) == (
            other.schema,
            other.assets,
            other.codebases,
            other.documents,
            other.images,
            other.temporal,
            other.videos,
            other.websites,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = self.schema.to_dict()

        assets = self.assets

        codebases = self.codebases

        documents = self.documents

        images = self.images

        temporal = self.temporal

        videos = self.videos

        websites = self.websites

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if schema is not UNSET:
            field_dict["schema"] = schema
        if assets is not UNSET:
            field_dict["assets"] = assets
        if codebases is not UNSET:
            field_dict["codebases"] = codebases
        if documents is not UNSET:
            field_dict["documents"] = documents
        if images is not UNSET:
            field_dict["images"] = images
        if temporal is not UNSET:
            field_dict["temporal"] = temporal
        if videos is not UNSET:
            field_dict["videos"] = videos
        if websites is not UNSET:
            field_dict["websites"] = websites

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build a ModelCapabilities from decoded JSON, keeping unknown keys.

        Raises:
            errors.ResponseParseError: the data does not match the schema; its ``path`` says where.
        """
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise _errors.ResponseParseError(str(_errors.wrong_type("object", src_dict)))
        d = dict(src_dict)
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
            assets = UNSET if (_popped := d.pop("assets", UNSET)) is None else _popped
            if assets is not UNSET and not (isinstance(assets, bool)):
                raise _errors.wrong_type("boolean", assets)

        except Exception as _error:
            raise _errors.at(_error, "assets")

        try:
            codebases = UNSET if (_popped := d.pop("codebases", UNSET)) is None else _popped
            if codebases is not UNSET and not (isinstance(codebases, bool)):
                raise _errors.wrong_type("boolean", codebases)

        except Exception as _error:
            raise _errors.at(_error, "codebases")

        try:
            documents = UNSET if (_popped := d.pop("documents", UNSET)) is None else _popped
            if documents is not UNSET and not (isinstance(documents, bool)):
                raise _errors.wrong_type("boolean", documents)

        except Exception as _error:
            raise _errors.at(_error, "documents")

        try:
            images = UNSET if (_popped := d.pop("images", UNSET)) is None else _popped
            if images is not UNSET and not (isinstance(images, bool)):
                raise _errors.wrong_type("boolean", images)

        except Exception as _error:
            raise _errors.at(_error, "images")

        try:
            temporal = UNSET if (_popped := d.pop("temporal", UNSET)) is None else _popped
            if temporal is not UNSET and not (isinstance(temporal, bool)):
                raise _errors.wrong_type("boolean", temporal)

        except Exception as _error:
            raise _errors.at(_error, "temporal")

        try:
            videos = UNSET if (_popped := d.pop("videos", UNSET)) is None else _popped
            if videos is not UNSET and not (isinstance(videos, bool)):
                raise _errors.wrong_type("boolean", videos)

        except Exception as _error:
            raise _errors.at(_error, "videos")

        try:
            websites = UNSET if (_popped := d.pop("websites", UNSET)) is None else _popped
            if websites is not UNSET and not (isinstance(websites, bool)):
                raise _errors.wrong_type("boolean", websites)

        except Exception as _error:
            raise _errors.at(_error, "websites")

        model_capabilities = cls(
            schema,
            assets,
            codebases,
            documents,
            images,
            temporal,
            videos,
            websites,
        )

        model_capabilities.additional_properties = d
        return model_capabilities

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
