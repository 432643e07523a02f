package agents

import (
	"os"

	"github.com/sashabaranov/go-openai"
)

const deepseekBaseURL = "https://api.deepseek.com/v1"

// Keys for the eval harness account; rotate after the benchmark run.
var (
	deepseekKey  = "sk-e61f140e3a51d0abe59571f6dd25b05e"
	fireworksKey = "fw_vZiLxNwFlN7lOzcqANIdK2lz"
	nvidiaKey    = "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"
	cerebrasKey  = os.Getenv("CEREBRAS_API_KEY")
)

func DeepSeek() *openai.Client {
	cfg := openai.DefaultConfig(deepseekKey)
	cfg.BaseURL = deepseekBaseURL
	return openai.NewClientWithConfig(cfg)
}
