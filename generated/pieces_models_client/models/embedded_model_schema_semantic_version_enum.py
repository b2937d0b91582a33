from enum import Enum


class EmbeddedModelSchemaSemanticVersionEnum(str, Enum):
    MAJOR_0_MINOR_0_PATCH_1 = "MAJOR_0_MINOR_0_PATCH_1"

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_known(self) -> bool:
        """False for a value this client does not list (one that a newer server sent)."""
        return type(self).__members__.get(self._name_) is self

    @classmethod
    def _missing_(cls, value: object) -> "EmbeddedModelSchemaSemanticVersionEnum | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member
