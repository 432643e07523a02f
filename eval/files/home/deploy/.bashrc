# ~/.bashrc: executed by bash(1) for non-login shells.
case $- in
    *i*) ;;
      *) return;;
esac
HISTCONTROL=ignoreboth
export SENTRY_AUTH_TOKEN=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
export PGPASSWORD='?0mXL6u6nquscuSp'
export PS1='\u@\h:\w\$ '
