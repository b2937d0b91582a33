from enum import Enum
from typing import ClassVar


class EmbeddedModelSchemaSemanticVersionEnum(str, Enum):
    MAJOR_0_MINOR_0_PATCH_1 = "MAJOR_0_MINOR_0_PATCH_1"

    _by_value: ClassVar[dict[object, "EmbeddedModelSchemaSemanticVersionEnum"]]
    """Every member by its value: the models look values up here before calling from_value()."""

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_known(self) -> bool:
        """False for a value this client does not list (one that a newer server sent)."""
        return type(self).__members__.get(self._name_) is self

    @classmethod
    def from_value(cls, value: object) -> "EmbeddedModelSchemaSemanticVersionEnum":
        """The member for ``value``, through a dict lookup (much cheaper than calling the class).

        An unknown string gives a pseudo-member (see ``_missing_``); anything else raises ValueError.
        """
        try:
            return cls._by_value[value]
        except (KeyError, TypeError):
            return cls(value)

    @classmethod
    def _missing_(cls, value: object) -> "EmbeddedModelSchemaSemanticVersionEnum | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


EmbeddedModelSchemaSemanticVersionEnum._by_value = {
    member.value: member for member in EmbeddedModelSchemaSemanticVersionEnum
}
