export ZSH="$HOME/.oh-my-zsh"
ZSH_THEME="robbyrussell"
plugins=(git docker kubectl)
source $ZSH/oh-my-zsh.sh

export PATH="$HOME/.local/bin:$HOME/go/bin:$PATH"
export EDITOR=nvim
export HOMEBREW_GITHUB_API_TOKEN=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
export GROQ_API_KEY="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"
export NPM_TOKEN=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
export OPENAI_API_KEY="$(security find-generic-password -s openai -w)"
[ -f ~/.config/openai/env.sh ] && source ~/.config/openai/env.sh
alias k=kubectl
