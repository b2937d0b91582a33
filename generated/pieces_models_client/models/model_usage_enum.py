from enum import Enum
from typing import ClassVar


class ModelUsageEnum(str, Enum):
    OCR = "OCR"
    CODE_CLASSIFICATION = "CODE_CLASSIFICATION"
    TEXT_VS_CODE = "TEXT_VS_CODE"
    TAGIFY_CODE = "TAGIFY_CODE"
    TLP_TAG_SEARCH = "TLP_TAG_SEARCH"
    TLP_NEURAL_CODE_SEARCH = "TLP_NEURAL_CODE_SEARCH"
    TAGIFY_COLOR_FROM_CODE = "TAGIFY_COLOR_FROM_CODE"
    CODE_DESCRIPTION = "CODE_DESCRIPTION"
    CODE_TITLE = "CODE_TITLE"
    CODE_SEARCH_QUERIES = "CODE_SEARCH_QUERIES"
    CODE_EXTRACTIVE_TAGS = "CODE_EXTRACTIVE_TAGS"
    CODE_EXTRACTIVE_LINKS = "CODE_EXTRACTIVE_LINKS"
    CODE_CONVERSATION = "CODE_CONVERSATION"
    CODE_GENERATION = "CODE_GENERATION"
    CODE_SEARCH = "CODE_SEARCH"
    CODE_DISCOVERY = "CODE_DISCOVERY"
    CODE_RELATED_PEOPLE = "CODE_RELATED_PEOPLE"
    CODE_FRAMEWORK = "CODE_FRAMEWORK"
    VIDEO_OCR = "VIDEO_OCR"
    TEXT_VS_CODE_SEGMENTATION = "TEXT_VS_CODE_SEGMENTATION"
    TEXT_EMBEDDING = "TEXT_EMBEDDING"
    TECHNICAL_ERROR = "TECHNICAL_ERROR"

    _by_value: ClassVar[dict[object, "ModelUsageEnum"]]
    """Every member by its value: the models look values up here before calling from_value()."""

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_known(self) -> bool:
        """False for a value this client does not list (one that a newer server sent)."""
        return type(self).__members__.get(self._name_) is self

    @classmethod
    def from_value(cls, value: object) -> "ModelUsageEnum":
        """The member for ``value``, through a dict lookup (much cheaper than calling the class).

        An unknown string gives a pseudo-member (see ``_missing_``); anything else raises ValueError.
        """
        try:
            return cls._by_value[value]
        except (KeyError, TypeError):
            return cls(value)

    @classmethod
    def _missing_(cls, value: object) -> "ModelUsageEnum | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


ModelUsageEnum._by_value = {member.value: member for member in ModelUsageEnum}
