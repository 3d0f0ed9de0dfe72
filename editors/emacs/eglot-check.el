;;; eglot-check.el --- check the eglot setup of docs/editors.md in batch mode  -*- lexical-binding: t -*-
;;
;; With histlint-language-server on PATH and a Markdown essay as argument:
;;   emacs --batch -l editors/emacs/eglot-check.el essay.md
;; prints the diagnostics, the start of the hover card on the first one, and
;; the quick fixes offered there. Checked with Emacs 28.2 and eglot 1.9.

(require 'eglot)
(require 'markdown-mode)
(require 'flymake)

;; The setup from docs/editors.md.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((markdown-mode gfm-mode text-mode) . ("histlint-language-server" "--stdio"))))
(setq-default eglot-workspace-configuration
              '(:histlint (:rules (:stalin-sought-world-war "off"))))

(find-file (expand-file-name (car command-line-args-left)))
(setq command-line-args-left nil)
;; eglot-ensure waits for a command loop that batch mode lacks: connect now.
(apply #'eglot (eglot--guess-contact))
(let ((deadline (+ (float-time) 20)))
  (while (and (< (float-time) deadline) (null (flymake-diagnostics)))
    (accept-process-output nil 0.2)))
(let ((first (car (flymake-diagnostics))))
  (dolist (d (flymake-diagnostics))
    (message "diagnostic %d-%d %s: %s" (flymake-diagnostic-beg d) (flymake-diagnostic-end d)
             (flymake-diagnostic-type d) (flymake-diagnostic-text d)))
  (when first
    (goto-char (flymake-diagnostic-beg first))
    (let* ((server (eglot-current-server))
           (hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
           (here (eglot--pos-to-lsp-position (point)))
           (actions (jsonrpc-request server :textDocument/codeAction
                                     (list :textDocument (eglot--TextDocumentIdentifier)
                                           :range (list :start here :end here)
                                           :context (list :diagnostics [])))))
      (message "hover:\n%s" (plist-get (plist-get hover :contents) :value))
      (message "quick fixes:\n%s" (mapconcat (lambda (a) (plist-get a :title)) actions "\n")))))
(kill-emacs 0)
