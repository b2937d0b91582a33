from enum import Enum
from typing import ClassVar


class ExternalMLProviderEnum(str, Enum):
    APPLE = "APPLE"
    AMAZON = "AMAZON"
    GOOGLE = "GOOGLE"
    META = "META"
    OPENAI = "OPENAI"
    LMSYS = "LMSYS"
    SALESFORCE = "SALESFORCE"
    HUGGING_FACE = "HUGGING_FACE"
    UNIVERSITY_OF_WASHINGTON = "UNIVERSITY_OF_WASHINGTON"
    OPEN_LM_RESEARCH = "OPEN_LM_RESEARCH"
    MICROSOFT = "MICROSOFT"
    UC_BERKLEY = "UC_BERKLEY"
    PEKING_UNIVERSITY = "PEKING_UNIVERSITY"
    RENMIN_UNIVERSITY_OF_CHINA = "RENMIN_UNIVERSITY_OF_CHINA"
    TOGETHER_AI = "TOGETHER_AI"
    DATABRICKS = "DATABRICKS"
    ELEUTHER_AI = "ELEUTHER_AI"
    FUDAN_UNIVERSITY = "FUDAN_UNIVERSITY"
    BLICKDL = "BLICKDL"
    HONG_KONG_BAPTIST_UNIVERSITY = "HONG_KONG_BAPTIST_UNIVERSITY"
    BIGCODE = "BIGCODE"
    JINA = "JINA"
    PIECES = "PIECES"
    ANTHROPIC = "ANTHROPIC"
    IBM = "IBM"
    SNOWFLAKE = "SNOWFLAKE"
    PERPLEXITY = "PERPLEXITY"
    MINISHLABS = "MINISHLABS"
    MSFT_AZURE_OPEN_AI = "MSFT_AZURE_OPEN_AI"
    AWS_BEDROCK = "AWS_BEDROCK"

    _by_value: ClassVar[dict[object, "ExternalMLProviderEnum"]]
    """Every member by its value: the models look values up here before calling from_value()."""

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_known(self) -> bool:
        """False for a value this client does not list (one that a newer server sent)."""
        return type(self).__members__.get(self._name_) is self

    @classmethod
    def from_value(cls, value: object) -> "ExternalMLProviderEnum":
        """The member for ``value``, through a dict lookup (much cheaper than calling the class).

        An unknown string gives a pseudo-member (see ``_missing_``); anything else raises ValueError.
        """
        try:
            return cls._by_value[value]
        except (KeyError, TypeError):
            return cls(value)

    @classmethod
    def _missing_(cls, value: object) -> "ExternalMLProviderEnum | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


ExternalMLProviderEnum._by_value = {member.value: member for member in ExternalMLProviderEnum}
