from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import errors as _errors
from ..models.external_ml_provider_enum import ExternalMLProviderEnum
from ..models.model_foundation_enum import ModelFoundationEnum
from ..models.model_type_enum import ModelTypeEnum
from ..models.model_usage_enum import ModelUsageEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="Model")


@_attrs_define(repr=False, eq=False)
class Model:
    """One machine-learning model registered in Pieces OS, with its state and limits."""

    id: str
    """ The model's id, a uuid assigned by Pieces OS. """
    version: str
    """ The model's own version label, such as a release date or a number. """
    created: GroupedTimestamp
    """ A point in time, with an optional human-friendly rendering such as "3 months ago". """
    name: str
    """ The name shown to users. """
    cloud: bool
    """ True when the model runs at a cloud provider rather than on this machine. """
    type_: ModelTypeEnum
    """ The trade-off a model is tuned for. """
    usage: ModelUsageEnum
    """ The job a model does inside Pieces OS, from OCR and classification to conversation. """
    schema: EmbeddedModelSchema | Unset = UNSET
    """ Version stamp that Pieces OS puts on almost every object: the database migration the object was written
    under and the semantic version of the API. """
    description: str | Unset = UNSET
    """ A sentence or two about the model. """
    bytes_: ByteDescriptor | Unset = UNSET
    """ A size in bytes, with a human-readable rendering of it. """
    ram: ByteDescriptor | Unset = UNSET
    """ A size in bytes, with a human-readable rendering of it. """
    quantization: str | Unset = UNSET
    """ The quantization of a local model's weights, such as `Q4_K_M` or `q4f16_1`. """
    foundation: ModelFoundationEnum | Unset = UNSET
    """ The model family a model is built on. The `_LATEST` values name "the newest of this family". Pieces adds
    foundations often: clients should expect values that are not listed here. """
    downloaded: bool | Unset = UNSET
    """ True when a local model's weights are on disk. """
    loaded: bool | Unset = UNSET
    """ True when the model is currently in memory. Computed by the server, not stored. """
    unique: str | Unset = UNSET
    """ The name the runtime uses to load the model, such as `llama3.2:3b`. """
    parameters: float | None | Unset = UNSET
    """ The parameter count, in billions. """
    provider: ExternalMLProviderEnum | Unset = UNSET
    """ The company or group a model comes from. Pieces adds providers often: clients should expect values that are
    not listed here. """
    cpu: bool | Unset = UNSET
    """ True when the model is a build tuned to run on the CPU. """
    downloading: bool | Unset = UNSET
    """ True while the model's weights are being downloaded. Computed by the server. """
    max_tokens: ModelMaxTokens | Unset = UNSET
    """ The context-window limits of a model. `total` is always present (it may be null when unknown); `input` and
    `output` are given only when the model limits them separately. """
    custom: bool | Unset = UNSET
    """ True for a model the user imported or fine-tuned, or one an organization added. """
    capabilities: ModelCapabilities | Unset = UNSET
    """ Which kinds of context a model may be given. """
    denied: bool | Unset = UNSET
    """ True when the user may not use this model. Only Pieces' built-in models can be denied. """
    organization: ReferencedEntity | Unset = UNSET
    """ A pointer to an entity (an organization, for models), optionally with its data. """
    score: Score | Unset = UNSET
    """ Usage points Pieces OS keeps for ranking: `manual` counts what the user did explicitly, `automatic` what
    Pieces observed on its own. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"id={self.id!r}, "
            f"version={self.version!r}, "
            f"created={self.created!r}, "
            f"name={self.name!r}, "
            f"cloud={self.cloud!r}, "
            f"type_={self.type_!r}, "
            f"usage={self.usage!r}, "
            f"schema={self.schema!r}, "
            f"description={self.description!r}, "
            f"bytes_={self.bytes_!r}, "
            f"ram={self.ram!r}, "
            f"quantization={self.quantization!r}, "
            f"foundation={self.foundation!r}, "
            f"downloaded={self.downloaded!r}, "
            f"loaded={self.loaded!r}, "
            f"unique={self.unique!r}, "
            f"parameters={self.parameters!r}, "
            f"provider={self.provider!r}, "
            f"cpu={self.cpu!r}, "
            f"downloading={self.downloading!r}, "
            f"max_tokens={self.max_tokens!r}, "
            f"custom={self.custom!r}, "
            f"capabilities={self.capabilities!r}, "
            f"denied={self.denied!r}, "
            f"organization={self.organization!r}, "
            f"score={self.score!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__ or not isinstance(other, Model):
            return NotImplemented
        return (
            self.id,
            self.version,
            self.created,
            self.name,
            self.cloud,
            self.type_,
            self.usage,
            self.schema,
            self.description,
            self.bytes_,
            self.ram,
            self.quantization,
            self.foundation,
            self.downloaded,
            self.loaded,
            self.unique,
            self.parameters,
            self.provider,
            self.cpu,
            self.downloading,
            self.max_tokens,
            self.custom,
            self.capabilities,
            self.denied,
            self.organization,
            self.score,
            self.additional_properties,
        ) == (
            other.id,
            other.version,
            other.created,
            other.name,
            other.cloud,
            other.type_,
            other.usage,
            other.schema,
            other.description,
            other.bytes_,
            other.ram,
            other.quantization,
            other.foundation,
            other.downloaded,
            other.loaded,
            other.unique,
            other.parameters,
            other.provider,
            other.cpu,
            other.downloading,
            other.max_tokens,
            other.custom,
            other.capabilities,
            other.denied,
            other.organization,
            other.score,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        version = self.version

        created = self.created.to_dict()

        name = self.name

        cloud = self.cloud

        type_ = self.type_.value

        usage = self.usage.value

        schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = self.schema.to_dict()

        description = self.description

        bytes_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.bytes_, Unset):
            bytes_ = self.bytes_.to_dict()

        ram: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ram, Unset):
            ram = self.ram.to_dict()

        quantization = self.quantization

        foundation: str | Unset = UNSET
        if not isinstance(self.foundation, Unset):
            foundation = self.foundation.value

        downloaded = self.downloaded

        loaded = self.loaded

        unique = self.unique

        parameters: float | None | Unset
        if isinstance(self.parameters, Unset):
            parameters = UNSET
        else:
            parameters = self.parameters

        provider: str | Unset = UNSET
        if not isinstance(self.provider, Unset):
            provider = self.provider.value

        cpu = self.cpu

        downloading = self.downloading

        max_tokens: dict[str, Any] | Unset = UNSET
        if not isinstance(self.max_tokens, Unset):
            max_tokens = self.max_tokens.to_dict()

        custom = self.custom

        capabilities: dict[str, Any] | Unset = UNSET
        if not isinstance(self.capabilities, Unset):
            capabilities = self.capabilities.to_dict()

        denied = self.denied

        organization: dict[str, Any] | Unset = UNSET
        if not isinstance(self.organization, Unset):
            organization = self.organization.to_dict()

        score: dict[str, Any] | Unset = UNSET
        if not isinstance(self.score, Unset):
            score = self.score.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
                "created": created,
                "name": name,
                "cloud": cloud,
                "type": type_,
                "usage": usage,
            }
        )
        if schema is not UNSET:
            field_dict["schema"] = schema
        if description is not UNSET:
            field_dict["description"] = description
        if bytes_ is not UNSET:
            field_dict["bytes"] = bytes_
        if ram is not UNSET:
            field_dict["ram"] = ram
        if quantization is not UNSET:
            field_dict["quantization"] = quantization
        if foundation is not UNSET:
            field_dict["foundation"] = foundation
        if downloaded is not UNSET:
            field_dict["downloaded"] = downloaded
        if loaded is not UNSET:
            field_dict["loaded"] = loaded
        if unique is not UNSET:
            field_dict["unique"] = unique
        if parameters is not UNSET:
            field_dict["parameters"] = parameters
        if provider is not UNSET:
            field_dict["provider"] = provider
        if cpu is not UNSET:
            field_dict["cpu"] = cpu
        if downloading is not UNSET:
            field_dict["downloading"] = downloading
        if max_tokens is not UNSET:
            field_dict["maxTokens"] = max_tokens
        if custom is not UNSET:
            field_dict["custom"] = custom
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities
        if denied is not UNSET:
            field_dict["denied"] = denied
        if organization is not UNSET:
            field_dict["organization"] = organization
        if score is not UNSET:
            field_dict["score"] = score

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build a Model from decoded JSON, keeping unknown keys.

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
            version = d.pop("version")
            if not (isinstance(version, str)):
                raise _errors.wrong_type("string", version)

        except Exception as _error:
            raise _errors.at(_error, "version")

        try:
            created = GroupedTimestamp.from_dict(d.pop("created"))

        except Exception as _error:
            raise _errors.at(_error, "created")

        try:
            name = d.pop("name")
            if not (isinstance(name, str)):
                raise _errors.wrong_type("string", name)

        except Exception as _error:
            raise _errors.at(_error, "name")

        try:
            cloud = d.pop("cloud")
            if not (isinstance(cloud, bool)):
                raise _errors.wrong_type("boolean", cloud)

        except Exception as _error:
            raise _errors.at(_error, "cloud")

        try:
            _type_ = d.pop("type")
            type_ = (
                ModelTypeEnum._by_value.get(_type_) if isinstance(_type_, str) else None
            ) or ModelTypeEnum.from_value(_type_)

        except Exception as _error:
            raise _errors.at(_error, "type")

        try:
            _usage = d.pop("usage")
            usage = (
                ModelUsageEnum._by_value.get(_usage) if isinstance(_usage, str) else None
            ) or ModelUsageEnum.from_value(_usage)

        except Exception as _error:
            raise _errors.at(_error, "usage")

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
            description = UNSET if (_popped := d.pop("description", UNSET)) is None else _popped
            if description is not UNSET and not (isinstance(description, str)):
                raise _errors.wrong_type("string", description)

        except Exception as _error:
            raise _errors.at(_error, "description")

        try:
            _bytes_ = UNSET if (_popped := d.pop("bytes", UNSET)) is None else _popped
            bytes_: ByteDescriptor | Unset
            if isinstance(_bytes_, Unset):
                bytes_ = UNSET
            else:
                bytes_ = ByteDescriptor.from_dict(_bytes_)

        except Exception as _error:
            raise _errors.at(_error, "bytes")

        try:
            _ram = UNSET if (_popped := d.pop("ram", UNSET)) is None else _popped
            ram: ByteDescriptor | Unset
            if isinstance(_ram, Unset):
                ram = UNSET
            else:
                ram = ByteDescriptor.from_dict(_ram)

        except Exception as _error:
            raise _errors.at(_error, "ram")

        try:
            quantization = UNSET if (_popped := d.pop("quantization", UNSET)) is None else _popped
            if quantization is not UNSET and not (isinstance(quantization, str)):
                raise _errors.wrong_type("string", quantization)

        except Exception as _error:
            raise _errors.at(_error, "quantization")

        try:
            _foundation = UNSET if (_popped := d.pop("foundation", UNSET)) is None else _popped
            foundation: ModelFoundationEnum | Unset
            if _foundation is UNSET:
                foundation = UNSET
            else:
                foundation = (
                    ModelFoundationEnum._by_value.get(_foundation) if isinstance(_foundation, str) else None
                ) or ModelFoundationEnum.from_value(_foundation)

        except Exception as _error:
            raise _errors.at(_error, "foundation")

        try:
            downloaded = UNSET if (_popped := d.pop("downloaded", UNSET)) is None else _popped
            if downloaded is not UNSET and not (isinstance(downloaded, bool)):
                raise _errors.wrong_type("boolean", downloaded)

        except Exception as _error:
            raise _errors.at(_error, "downloaded")

        try:
            loaded = UNSET if (_popped := d.pop("loaded", UNSET)) is None else _popped
            if loaded is not UNSET and not (isinstance(loaded, bool)):
                raise _errors.wrong_type("boolean", loaded)

        except Exception as _error:
            raise _errors.at(_error, "loaded")

        try:
            unique = UNSET if (_popped := d.pop("unique", UNSET)) is None else _popped
            if unique is not UNSET and not (isinstance(unique, str)):
                raise _errors.wrong_type("string", unique)

        except Exception as _error:
            raise _errors.at(_error, "unique")

        try:
            parameters = d.pop("parameters", UNSET)
            if (
                parameters is not None
                and parameters is not UNSET
                and not (isinstance(parameters, (int, float)) and not isinstance(parameters, bool))
            ):
                raise _errors.wrong_type("number or null", parameters)

        except Exception as _error:
            raise _errors.at(_error, "parameters")

        try:
            _provider = UNSET if (_popped := d.pop("provider", UNSET)) is None else _popped
            provider: ExternalMLProviderEnum | Unset
            if _provider is UNSET:
                provider = UNSET
            else:
                provider = (
                    ExternalMLProviderEnum._by_value.get(_provider) if isinstance(_provider, str) else None
                ) or ExternalMLProviderEnum.from_value(_provider)

        except Exception as _error:
            raise _errors.at(_error, "provider")

        try:
            cpu = UNSET if (_popped := d.pop("cpu", UNSET)) is None else _popped
            if cpu is not UNSET and not (isinstance(cpu, bool)):
                raise _errors.wrong_type("boolean", cpu)

        except Exception as _error:
            raise _errors.at(_error, "cpu")

        try:
            downloading = UNSET if (_popped := d.pop("downloading", UNSET)) is None else _popped
            if downloading is not UNSET and not (isinstance(downloading, bool)):
                raise _errors.wrong_type("boolean", downloading)

        except Exception as _error:
            raise _errors.at(_error, "downloading")

        try:
            _max_tokens = UNSET if (_popped := d.pop("maxTokens", UNSET)) is None else _popped
            max_tokens: ModelMaxTokens | Unset
            if isinstance(_max_tokens, Unset):
                max_tokens = UNSET
            else:
                max_tokens = ModelMaxTokens.from_dict(_max_tokens)

        except Exception as _error:
            raise _errors.at(_error, "maxTokens")

        try:
            custom = UNSET if (_popped := d.pop("custom", UNSET)) is None else _popped
            if custom is not UNSET and not (isinstance(custom, bool)):
                raise _errors.wrong_type("boolean", custom)

        except Exception as _error:
            raise _errors.at(_error, "custom")

        try:
            _capabilities = UNSET if (_popped := d.pop("capabilities", UNSET)) is None else _popped
            capabilities: ModelCapabilities | Unset
            if isinstance(_capabilities, Unset):
                capabilities = UNSET
            else:
                capabilities = ModelCapabilities.from_dict(_capabilities)

        except Exception as _error:
            raise _errors.at(_error, "capabilities")

        try:
            denied = UNSET if (_popped := d.pop("denied", UNSET)) is None else _popped
            if denied is not UNSET and not (isinstance(denied, bool)):
                raise _errors.wrong_type("boolean", denied)

        except Exception as _error:
            raise _errors.at(_error, "denied")

        try:
            _organization = UNSET if (_popped := d.pop("organization", UNSET)) is None else _popped
            organization: ReferencedEntity | Unset
            if isinstance(_organization, Unset):
                organization = UNSET
            else:
                organization = ReferencedEntity.from_dict(_organization)

        except Exception as _error:
            raise _errors.at(_error, "organization")

        try:
            _score = UNSET if (_popped := d.pop("score", UNSET)) is None else _popped
            score: Score | Unset
            if isinstance(_score, Unset):
                score = UNSET
            else:
                score = Score.from_dict(_score)

        except Exception as _error:
            raise _errors.at(_error, "score")

        model = cls(
            id,
            version,
            created,
            name,
            cloud,
            type_,
            usage,
            schema,
            description,
            bytes_,
            ram,
            quantization,
            foundation,
            downloaded,
            loaded,
            unique,
            parameters,
            provider,
            cpu,
            downloading,
            max_tokens,
            custom,
            capabilities,
            denied,
            organization,
            score,
        )

        model.additional_properties = d
        return model

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
from ..models.byte_descriptor import ByteDescriptor
from ..models.embedded_model_schema import EmbeddedModelSchema
from ..models.grouped_timestamp import GroupedTimestamp
from ..models.model_capabilities import ModelCapabilities
from ..models.model_max_tokens import ModelMaxTokens
from ..models.referenced_entity import ReferencedEntity
from ..models.score import Score
