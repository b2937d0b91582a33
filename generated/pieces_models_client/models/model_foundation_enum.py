from enum import Enum
from typing import ClassVar


class ModelFoundationEnum(str, Enum):
    GPT_3_5 = "GPT_3.5"
    GPT_4 = "GPT_4"
    T5 = "T5"
    LLAMA_2_7B = "LLAMA_2_7B"
    LLAMA_2_13B = "LLAMA_2_13B"
    LLAMA_2_70B = "LLAMA_2_70B"
    LLAMA_3_2B = "LLAMA_3_2B"
    LLAMA_3_13B = "LLAMA_3_13B"
    LLAMA_3_70B = "LLAMA_3_70B"
    CODE_LLAMA_2_7B = "CODE_LLAMA_2_7B"
    CODE_LLAMA_2_13B = "CODE_LLAMA_2_13B"
    CODE_LLAMA_2_70B = "CODE_LLAMA_2_70B"
    BARD = "BARD"
    ALPACA_7B = "ALPACA_7B"
    ALPACA_13B = "ALPACA_13B"
    ALPACA_33B = "ALPACA_33B"
    ALPACA_65B = "ALPACA_65B"
    VICUNA_7B = "VICUNA_7B"
    VICUNA_13B = "VICUNA_13B"
    VICUNA_33B = "VICUNA_33B"
    VICUNA_65B = "VICUNA_65B"
    GUANACO_7B = "GUANACO_7B"
    GUANACO_13B = "GUANACO_13B"
    GUANACO_33B = "GUANACO_33B"
    GUANACO_65B = "GUANACO_65B"
    OPENLLAMA_7B = "OPENLLAMA_7B"
    OPENLLAMA_13B = "OPENLLAMA_13B"
    GORILLA_7B = "GORILLA_7B"
    GORILLA_13B = "GORILLA_13B"
    GORILLA_33B = "GORILLA_33B"
    GORILLA_65B = "GORILLA_65B"
    WIZARDLM_7B = "WIZARDLM_7B"
    WIZARDLM_13B = "WIZARDLM_13B"
    WIZARDLM_30B = "WIZARDLM_30B"
    YULANCHAT_13B = "YULANCHAT_13B"
    YULANCHAT_65B = "YULANCHAT_65B"
    REDPAJAMA_3B = "REDPAJAMA_3B"
    REDPAJAMA_7B = "REDPAJAMA_7B"
    REDPAJAMA_13B = "REDPAJAMA_13B"
    REDPAJAMA_33B = "REDPAJAMA_33B"
    REDPAJAMA_65B = "REDPAJAMA_65B"
    DOLLY_70M = "DOLLY_70M"
    DOLLY_160M = "DOLLY_160M"
    DOLLY_410M = "DOLLY_410M"
    DOLLY_1B = "DOLLY_1B"
    DOLLY_1_4B = "DOLLY_1.4B"
    DOLLY_2_8B = "DOLLY_2.8B"
    DOLLY_6_9B = "DOLLY_6.9B"
    DOLLY_12B = "DOLLY_12B"
    PYTHIA_70M = "PYTHIA_70M"
    PYTHIA_160M = "PYTHIA_160M"
    PYTHIA_410M = "PYTHIA_410M"
    PYTHIA_1B = "PYTHIA_1B"
    PYTHIA_1_4B = "PYTHIA_1.4B"
    PYTHIA_2_8B = "PYTHIA_2.8B"
    PYTHIA_6_9B = "PYTHIA_6.9B"
    PYTHIA_12B = "PYTHIA_12B"
    MOSS_7B = "MOSS_7B"
    MOSS_13B = "MOSS_13B"
    RMKV_LM_100M = "RMKV_LM_100M"
    RMKV_LM_400M = "RMKV_LM_400M"
    RMKV_LM_1_5B = "RMKV_LM_1.5B"
    RMKV_LM_3B = "RMKV_LM_3B"
    RMKV_LM_7B = "RMKV_LM_7B"
    RMKV_LM_14B = "RMKV_LM_14B"
    STARCODER_15_5B = "STARCODER_15.5B"
    WIZARDCODER_15B = "WIZARDCODER_15B"
    SANTACODER_1_1B = "SANTACODER_1.1B"
    TEXT_BISON = "TEXT_BISON"
    TEXTEMBEDDING_GECKO = "TEXTEMBEDDING_GECKO"
    CHAT_BISON = "CHAT_BISON"
    CODE_BISON = "CODE_BISON"
    CODECHAT_BISON = "CODECHAT_BISON"
    CODE_GECKO = "CODE_GECKO"
    DISTILROBERTA = "DISTILROBERTA"
    MISTRAL_7B = "MISTRAL_7B"
    GEMINI = "GEMINI"
    GEMINI_1_5 = "GEMINI_1.5"
    GEMINI_2 = "GEMINI_2"
    FAST_TEXT = "FAST_TEXT"
    UNIXCODER = "UNIXCODER"
    PHI_1_5 = "PHI_1.5"
    PHI_2 = "PHI_2"
    MIXTRAL_8_X_7B = "MIXTRAL_8_x_7B"
    MIXTRAL_8_X_22B = "MIXTRAL_8_x_22B"
    GEMMA_7B = "GEMMA_7B"
    GEMMA_2B = "GEMMA_2B"
    CODE_GEMMA_7B = "CODE_GEMMA_7B"
    CODE_GEMMA_2B = "CODE_GEMMA_2B"
    RECURRENT_GEMMA_2B = "RECURRENT_GEMMA_2B"
    GROK_1 = "GROK_1"
    GROK_1_5 = "GROK_1.5"
    CLAUDE_2 = "CLAUDE_2"
    CLAUDE_3 = "CLAUDE_3"
    STARLING_7B = "STARLING_7B"
    DBRX = "DBRX"
    COMMAND_R = "COMMAND_R+"
    GEMMA_1_1_2B = "GEMMA_1.1_2B"
    GEMMA_1_1_7B = "GEMMA_1.1_7B"
    GEMMA_2_9B = "GEMMA_2_9B"
    PHI_3_MINI = "PHI_3_MINI"
    PHI_3_SMALL = "PHI_3_SMALL"
    GRANITE_3B = "GRANITE_3B"
    GRANITE_8B = "GRANITE_8B"
    LLAMA_3_8B = "LLAMA_3_8B"
    CLAUDE_3_5 = "CLAUDE_3.5"
    CLAUDE_4 = "CLAUDE_4"
    CLAUDE_LATEST = "CLAUDE_LATEST"
    GRANITE_LATEST = "GRANITE_LATEST"
    LLAMA_LATEST = "LLAMA_LATEST"
    PHI_LATEST = "PHI_LATEST"
    GEMMA_LATEST = "GEMMA_LATEST"
    GEMINI_LATEST = "GEMINI_LATEST"
    GPT_LATEST = "GPT_LATEST"
    AZURE_LATEST = "AZURE_LATEST"
    AZURE_FAST = "AZURE_FAST"
    AZURE_BEST = "AZURE_BEST"
    AZURE_DEFAULT = "AZURE_DEFAULT"
    AZURE_CUSTOM = "AZURE_CUSTOM"
    PERPLEXITY_LATEST = "PERPLEXITY_LATEST"
    PERPLEXITY_FAST = "PERPLEXITY_FAST"
    PERPLEXITY_BEST = "PERPLEXITY_BEST"
    PERPLEXITY_DEFAULT = "PERPLEXITY_DEFAULT"
    PERPLEXITY_CUSTOM = "PERPLEXITY_CUSTOM"
    CODESTRAL_LATEST = "CODESTRAL_LATEST"
    DEEPSEEK_LATEST = "DEEPSEEK_LATEST"
    LLAVA_LATEST = "LLAVA_LATEST"
    MIXTRAL_LATEST = "MIXTRAL_LATEST"
    MISTRAL_LATEST = "MISTRAL_LATEST"
    ORCA_LATEST = "ORCA_LATEST"
    QWEN_CODER_LATEST = "QWEN_CODER_LATEST"
    QWEN_LATEST = "QWEN_LATEST"
    QWQ_LATEST = "QWQ_LATEST"
    STARCODER_LATEST = "STARCODER_LATEST"
    TINYLLAMA_LATEST = "TINYLLAMA_LATEST"
    VICUNA_LATEST = "VICUNA_LATEST"
    WIZARD_LATEST = "WIZARD_LATEST"
    ZEPHYR_LATEST = "ZEPHYR_LATEST"
    POTION = "POTION"
    MSFT_AZURE_OPEN_AI_LATEST = "MSFT_AZURE_OPEN_AI_LATEST"
    AWS_BEDROCK_LATEST = "AWS_BEDROCK_LATEST"

    _by_value: ClassVar[dict[object, "ModelFoundationEnum"]]
    """Every member by its value: the models look values up here before calling from_value()."""

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_known(self) -> bool:
        """False for a value this client does not list (one that a newer server sent)."""
        return type(self).__members__.get(self._name_) is self

    @classmethod
    def from_value(cls, value: object) -> "ModelFoundationEnum":
        """The member for ``value``, through a dict lookup (much cheaper than calling the class).

        An unknown string gives a pseudo-member (see ``_missing_``); anything else raises ValueError.
        """
        try:
            return cls._by_value[value]
        except (KeyError, TypeError):
            return cls(value)

    @classmethod
    def _missing_(cls, value: object) -> "ModelFoundationEnum | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


ModelFoundationEnum._by_value = {member.value: member for member in ModelFoundationEnum}
