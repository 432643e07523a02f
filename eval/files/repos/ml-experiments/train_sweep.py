import os
import wandb

os.environ["WANDB_API_KEY"] = "458d5b7b9b0723ef146ee71d15fad8f8a41b225d"
os.environ["HUGGING_FACE_HUB_TOKEN"] = "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"
os.environ["TOKENIZERS_PARALLELISM"] = "false"

sweep_config = {
    "method": "bayes",
    "metric": {"name": "eval/loss", "goal": "minimize"},
    "parameters": {"learning_rate": {"min": 1e-5, "max": 5e-4}, "warmup_ratio": {"values": [0.03, 0.1]}},
}
sweep_id = wandb.sweep(sweep_config, project="llama-sft")
