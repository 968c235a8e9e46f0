"""What the bot says in (Brazilian) Portuguese: every sentence of `core.messages.MESSAGES`."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # --- failures ------------------------------------------------------------------------
    "error_unexpected": "Algo deu errado do meu lado. Tente de novo daqui a pouco.",
    "error_config": "O bot não está configurado corretamente. Avise quem cuida dele.",
    "error_bad_input": "Não entendi esse pedido.",
    "error_not_audio": "Esse arquivo não é um áudio que eu consiga ler. Envie uma mensagem de "
    "voz ou um arquivo OGG, MP3, M4A, WAV ou WebM/MP4.",
    "error_file_too_large": "Esse arquivo é grande demais (o limite é {limit_mb:g} MB). Um "
    "áudio curto, de 6–30 segundos, funciona melhor.",
    "error_audio_too_short": "Esse áudio tem só {seconds:.1f} s de fala; preciso de pelo "
    "menos {minimum:g} s. O ideal são 6–30 segundos de uma pessoa falando.",
    "error_no_speech": "Não ouvi ninguém falando nesse áudio. Tente um com a fala bem clara.",
    "error_bad_voice_name": "“{name}” não pode ser nome de voz. Use 1–32 letras, dígitos, - ou "
    "_ (sem espaços), por exemplo: vovo_joao.",
    "error_voice_name_taken": "Já existe uma voz chamada “{name}” aqui. Escolha outro nome ou "
    "apague a antiga primeiro.",
    "error_voice_not_found": "Não conheço nenhuma voz chamada “{name}” aqui.",
    "error_voice_not_found_suggest": "Não conheço nenhuma voz chamada “{name}” aqui. Você quis "
    "dizer: {suggestions}?",
    "error_not_your_voice": "Só quem registrou “{name}”, ou um admin daqui, pode alterá-la.",
    "error_take_gone": "Não tenho mais esse pedido. Envie de novo, por favor.",
    "error_no_description": "Descreva a voz e depois o texto, por exemplo: /design homem idoso "
    "de voz calorosa, devagar | Boa noite, pessoal.",
    "error_script_line": "Linha {line}: {problem}",
    "error_script_syntax": 'escreva cada linha como NOME: texto, ou "descrição": texto.',
    "error_script_too_long": "um diálogo tem no máximo 50 linhas.",
    "error_speaker_unknown": "Não sei de quem é essa voz (um encaminhamento oculto ou um bot), "
    "então não posso pedir permissão à pessoa. Clone uma mensagem de voz que a própria "
    "pessoa enviou.",
    "error_cloning_restricted": "Neste chat, só admins (ou membros com o cargo escolhido) podem "
    "registrar vozes.",
    "error_not_the_speaker": "Só {name} pode decidir isso: a voz é dessa pessoa.",
    "error_request_closed": "Este pedido não está mais aberto: já foi respondido, expirou ou a "
    "voz foi apagada.",
    "error_admins_only": "Só os admins deste chat podem mudar as configurações.",
    "error_groups_only": "As configurações são para grupos e servidores; num chat privado, "
    "suas vozes são só suas.",
    "error_role_needed": "Diga qual cargo pode registrar vozes.",
    "error_bad_quota": "A cota diária é um número de caracteres: 0 (sem limite) ou mais.",
    "error_voice_pending": "“{name}” está esperando a aprovação da pessoa dona da voz; poderá "
    "falar assim que ela aceitar.",
    "error_voice_awaiting_admin": "“{name}” está esperando a aprovação de um admin deste chat; "
    "poderá falar assim que um deles aprovar.",
    "error_statement_needed": "Um arquivo enviado pode ser a voz de qualquer pessoa, então diga "
    "de quem é: own (a sua própria voz) ou permission (alguém que deu permissão a você), "
    "ex.: /clone NOME own.",
    "error_admin_approves": "Só um admin deste chat pode aprovar ou recusar uma voz feita a "
    "partir de um arquivo enviado.",
    "error_upload_not_shareable": "“{name}” foi feita a partir de um arquivo enviado que nenhum "
    "admin de chat aprovou, então continua sendo só sua e não pode ser compartilhada. "
    "Registre-a num grupo, onde um admin possa aprová-la.",
    "error_quota": "Você já usou hoje {used} dos seus "
    "{limit, plural, one {# caractere} many {# de caracteres} other {# caracteres}} "
    "aqui. Mais em {hours} h.",
    "error_already_requested": "Já estou cuidando disso; a voz chega assim que ficar pronta.",
    "error_cancelled": "✖ Cancelado.",
    "error_not_your_request": "Só quem fez o pedido pode cancelá-lo.",
    "error_not_your_take": "Só quem criou esta voz pode guardá-la.",
    "error_too_many_voices": "Você já registrou "
    "{limit, plural, one {# voz} many {# de vozes} other {# vozes}}, o máximo por "
    "pessoa. Apague uma que não usa mais (/voices) e tente de novo.",
    "error_too_many_voices_here": "Este chat já tem "
    "{limit, plural, one {# voz} many {# de vozes} other {# vozes}}, o máximo "
    "permitido. Apague uma que não se usa mais (/voices) e tente de novo.",
    "error_voice_suspended": "“{name}” está suspensa aqui: alguém a denunciou. Ela volta a "
    "falar quando um admin deste chat a restaurar.",
    "error_already_suspended": "“{name}” já foi denunciada: está suspensa aqui até um admin "
    "deste chat restaurá-la ou apagá-la.",
    "error_reports_in_groups": "Denúncias são para grupos e servidores; num chat privado, suas "
    "vozes são só suas.",
    "error_no_voice_to_report": "Essa mensagem de voz não foi falada com uma voz registrada "
    "(era uma voz criada ou um diálogo). Denuncie a voz pelo nome.",
    "error_admins_settle": "Só um admin deste chat pode restaurar ou apagar uma voz denunciada.",
    "error_report_settled": "Esta denúncia já foi resolvida, ou a voz foi apagada.",
    "error_queue_full": "Estou muito ocupado agora. Tente de novo em alguns minutos.",
    "error_busy": "Estou sobrecarregado no momento e não consegui fazer isso; nada foi "
    "alterado. Tente de novo em um minuto.",
    "error_too_fast": "São muitos pedidos em pouco tempo. Tente de novo em {seconds} s.",
    "error_voice_gone": "Essa voz não existe mais.",
    "error_no_voice_given": "Qual voz? Escreva /say NOME texto, ou escolha uma voz padrão para "
    "este chat com /default NOME.",
    "error_empty_text": "Diga o que devo falar, por exemplo: /say NOME Olá, tudo bem?",
    "error_text_too_long": "Esse texto tem "
    "{length, plural, one {# caractere} many {# de caracteres} other {# caracteres}}; "
    "o limite é {limit}. Encurte, por favor.",
    "error_translation_too_long": "Traduzido, esse texto tem "
    "{length, plural, one {# caractere} many {# de caracteres} other {# caracteres}}; "
    "o limite é {limit}. Encurte, por favor.",
    "error_unknown_language": "Não consigo dizer isso em “{code}”. Os idiomas para os quais "
    "traduzo: {languages}.",
    "error_translation_unavailable": "Para traduzir é preciso o serviço de voz, e este bot não "
    "está configurado com ele. Tire o idioma para ouvir o texto como foi escrito.",
    "error_bad_sampling": "{field} deve estar entre {low} e {high}.",
    "error_unknown_setting": "Não conheço a configuração “{name}”: use temperature=, top_k=, "
    "top_p= ou speed=.",
    "error_transcript_needed": "Preciso das palavras faladas nesse áudio. Adicione a "
    "transcrição e tente de novo.",
    "error_listening_unavailable": "Não consigo ouvir mensagens de voz aqui: dizer as palavras "
    "delas com outra voz precisa do serviço de voz, e este bot não está configurado com ele.",
    "error_clip_too_long": "Essa gravação tem mais de {limit} segundos, mais do que eu escuto de "
    "uma vez. Envie uma mais curta.",
    "error_upstream": "O serviço de voz teve um problema. Tente de novo daqui a pouco.",
    "error_upstream_auth": "O serviço de voz recusou a chave de API do bot. Avise quem cuida "
    "do bot.",
    "error_upstream_balance": "O saldo do serviço de voz do bot acabou. Avise quem cuida do bot.",
    "error_upstream_rate_limited": "O serviço de voz está ocupado agora. Tente de novo em um "
    "minuto.",
    "error_upstream_rejected": "O serviço de voz não conseguiu usar esse pedido. Tente outro "
    "texto ou outra voz.",
    "error_reference_unreachable": "O serviço de voz não conseguiu usar o áudio de referência "
    "desta voz. Tente registrar a voz de novo com um áudio mais claro.",
    "error_upstream_unavailable": "Não consigo acessar o serviço de voz agora. Tente de novo "
    "em alguns minutos.",
    "error_upstream_timeout": "O serviço de voz demorou demais para responder. Tente de novo.",
    "error_task_failed": "O serviço de voz não conseguiu gerar isso. Tente de novo, talvez com "
    "um texto mais curto.",
    "error_bad_upstream_audio": "O serviço de voz devolveu um áudio que não consigo tocar. "
    "Tente de novo.",
    "error_result_refused": "O serviço de voz ofereceu o áudio num lugar de onde eu não baixo "
    "nada, então deixei lá. Avise quem cuida do bot.",
    "error_result_too_large": "O serviço de voz devolveu muito mais áudio do que pedi, então "
    "parei. Tente de novo, talvez com um texto mais curto.",
    # --- progress and results --------------------------------------------------------------
    "progress_queued": "Na fila (posição {position})…",
    "progress_translating": "Traduzindo…",
    "progress_preparing": "Preparando a voz…",
    "progress_generating": "Gerando a fala…",
    "progress_generating_parts": "Gerando a fala: parte {part} de {parts}…",
    "progress_encoding": "Codificando a mensagem de voz…",
    "voice_saved": "Voz “{name}” salva ({seconds:.1f} s). Transcrição: “{transcript}”",
    "voice_saved_no_transcript": "Voz “{name}” salva ({seconds:.1f} s). Ainda não tem "
    "transcrição: ela será transcrita quando o serviço de voz estiver configurado.",
    "voice_deleted": "Voz “{name}” apagada.",
    "voice_renamed": "“{old}” agora se chama “{new}”.",
    "voices_empty": "Ainda não há vozes aqui. Registre uma a partir de um áudio de alguém "
    "falando.",
    "voices_header": "Vozes que você pode usar aqui:",
    "voices_more": "…e mais {count}: use /say com o nome.",
    "offline_notice": "Sem AI302_API_KEY: usando o motor substituto offline (espeak-ng). Ele "
    "não clona vozes; configure uma chave para usar o de verdade.",
    "synthetic_label": "voz sintética: {name}",
    "synthetic_label_designed": "voz sintética (criada): {description}",
    "button_again": "🔁 Outra versão",
    "button_steadier": "🎯 Mais estável",
    "button_livelier": "🎨 Mais animada",
    "button_cancel_request": "✖ Cancelar",
    "cancel_done": "{count, plural, one {# pedido cancelado} "
    "many {# de pedidos cancelados} other {# pedidos cancelados}}.",
    "cancel_nothing": "Você não tem nada em andamento aqui para cancelar.",
    "cancel_over": "Esse pedido não está mais em andamento.",
    "button_keep_voice": "💾 Guardar esta voz",
    "voice_tuned": "“{name}” agora fala com: {settings}.",
    "voice_tuned_default": "“{name}” agora fala com as configurações padrão do serviço.",
    "voice_default_set": "“{name}” agora é a voz padrão aqui: /say só com o texto usa essa voz.",
    "confirm_delete": "Apagar a voz “{name}”? Isso não pode ser desfeito.",
    "voice_kept": "“{name}” guardada.",
    "button_default": "★ Padrão",
    "button_delete": "🗑 Apagar",
    "button_confirm_delete": "Sim, apagar",
    "button_keep": "Manter",
    # --- consent, sharing, privacy ------------------------------------------------------
    "voice_pending": "“{name}” foi salva, mas só poderá falar quando {speaker} concordar. Já "
    "perguntei.",
    "consent_unreached": "No fim, não consegui falar com {speaker}, então a pessoa não foi "
    "consultada; ela ainda pode aprovar “{name}” com /myvoices.",
    "consent_request": "{speaker}, {owner} quer registrar a sua voz como “{name}” a partir "
    "desta mensagem. Até você aprovar, ela não pode falar; sem resposta, será apagada em "
    "{hours:g} h. Veja ou revogue suas vozes quando quiser com /myvoices.",
    "voice_pending_admin": "“{name}” foi salva, mas só poderá falar quando um admin deste chat "
    "aprová-la. Já pedi aqui.",
    "voice_saved_upload": "Só você pode usá-la: uma voz de arquivo enviado não é compartilhada.",
    "consent_unreached_admin": "Não consegui publicar aqui o pedido para um admin, então nenhum "
    "admin foi consultado; “{name}” só poderá falar quando um deles aprovar, e será apagada "
    "se ninguém aprovar.",
    "consent_request_admin": "Um admin deste chat precisa aprovar isto: {owner} enviou um "
    "arquivo como a voz “{name}” e diz que é {statement}. Até um admin aprovar, ela não "
    "pode falar; sem resposta, será apagada em {hours:g} h.",
    "statement_own": "a própria voz",
    "statement_permission": "a voz de alguém que deu permissão",
    "console_upload_reminder": "Lembrete: só clone uma voz com a permissão de quem fala.",
    "button_approve": "✅ Aprovar",
    "button_decline": "❌ Recusar",
    "consent_approved": "✅ {speaker} aprovou: “{name}” já pode falar.",
    "consent_declined": "❌ {speaker} recusou: “{name}” e o áudio dela foram apagados.",
    "myvoices_empty": "Nenhuma voz foi feita a partir da sua fala.",
    "myvoices_header": "Vozes feitas a partir da sua fala (revogar apaga a voz em todo lugar):",
    "myvoice_line": "• {name}: feita por {owner} em {made}; {state}; usada "
    "{uses, plural, one {# vez} many {# de vezes} other {# vezes}}",
    "myvoice_pending": "esperando a sua aprovação",
    "myvoice_approved": "aprovada em {when}",
    "myvoice_own": "sua",
    "button_revoke": "🗑 Revogar {name}",
    "voice_revoked": "“{name}” foi apagada em todo lugar, junto com o áudio.",
    "copy_hosted": " Uma cópia enviada ao serviço de voz na primeira vez que ela falou continua "
    "num endereço não listado que não foi passado a mais ninguém: o serviço não oferece "
    "como apagá-la.",
    "forget_confirm": "Isso apaga todas as vozes que você fez ou que foram feitas a partir da "
    "sua fala, os áudios delas, seus pedidos e suas configurações aqui. Não dá para desfazer.",
    "button_forget": "Apagar tudo",
    "button_cancel": "Cancelar",
    "forget_cancelled": "Nada foi apagado.",
    "forgotten": "Pronto. Foram apagados "
    "{voices, plural, one {# voz} many {# de vozes} other {# vozes}}, "
    "{clips, plural, one {# áudio} many {# de áudios} other {# áudios}}, "
    "{jobs, plural, one {# pedido} many {# de pedidos} other {# pedidos}} e "
    "{settings, plural, one {# configuração} many {# de configurações} "
    "other {# configurações}}.",
    "forgotten_hosted": " {hosted, plural, "
    "one {# áudio tinha sido enviado ao serviço de voz, que não oferece como apagá-lo; ele "
    "fica num endereço não listado que não foi passado a mais ninguém.} "
    "many {# de áudios tinham sido enviados ao serviço de voz, que não oferece como "
    "apagá-los; eles ficam em endereços não listados que não foram passados a mais "
    "ninguém.} "
    "other {# áudios tinham sido enviados ao serviço de voz, que não oferece como apagá-los; "
    "eles ficam em endereços não listados que não foram passados a mais ninguém.}}",
    "voice_shared": "Agora todo mundo aqui pode usar “{name}”.",
    "voice_unshared": "“{name}” agora é só sua: só você pode usá-la.",
    "rules": "Configurações daqui:\n• quem pode registrar vozes: {who}\n• membros podem usar "
    "as vozes uns dos outros: {share}\n• caracteres por membro por dia: {quota}",
    "rules_everyone": "todos",
    "rules_admins": "só admins",
    "rules_role": "admins e {role}",
    "rules_yes": "sim",
    "rules_no": "não",
    "rules_no_limit": "sem limite",
    "voice_line_pending": " (esperando a pessoa dona da voz)",
    "voice_line_unshared": " (só quem registrou)",
    # --- reports -----------------------------------------------------------------------
    "voice_line_suspended": " (suspensa: denunciada)",
    "report_confirmed": "Obrigado. “{name}” foi denunciada: não pode falar aqui até um admin "
    "deste chat restaurá-la ou apagá-la.",
    "report_notice": "⚠️ {told}: {reporter} denunciou a voz “{name}”. Ela fica suspensa aqui "
    "até um admin deste chat restaurá-la ou apagá-la.",
    "report_reason": "\nMotivo informado: {reason}",
    "report_and": " e ",
    "button_restore": "✅ Restaurar",
    "button_delete_reported": "🗑 Apagar",
    "report_restored": "✅ {admin} restaurou “{name}”: ela pode falar aqui de novo.",
    "report_deleted": "🗑 {admin} apagou “{name}” e o áudio dela.",
    "report_barred": "🚫 {admin} removeu “{name}” deste chat: é a voz pessoal de quem a "
    "registrou, então ela é mantida para essa pessoa, mas não pode mais falar aqui.",
    # --- proving a voice by reading aloud ------------------------------------------------
    "proof_challenge": "🎙 Para provar que “{name}” é a sua própria voz, responda a esta "
    "mensagem em até {minutes:g} min com uma mensagem de voz lendo em voz alta:\n\n"
    "{phrase}\n\nA sua própria leitura vira a voz “{name}”, pronta na hora.",
    "proof_verified": "✅ Verificado: sua leitura bateu com a frase ({score}%). “{name}” foi "
    "salva como a sua própria voz ({seconds:.1f} s) e já pode falar.",
    "proof_replaced": "Ela substitui o arquivo que você enviou como “{name}”.",
    "proof_hint": "Se for a sua própria voz, você pode deixá-la pronta na hora: /myvoice "
    "{name} mostra uma frase curta para ler em voz alta numa mensagem de voz.",
    "error_proof_unavailable": "Não consigo conferir leituras aqui: provar uma voz lendo uma "
    "frase em voz alta precisa do serviço de voz, e este bot não está configurado com ele.",
    "error_no_challenge": "Não pedi para você ler nada aqui (ou essa frase já foi usada). Para "
    "provar que uma voz é sua, peça uma frase com /myvoice.",
    "error_challenge_expired": "O tempo da frase de “{name}” acabou (você tinha {minutes:g} "
    "min). Peça uma nova com /myvoice.",
    "error_live_reading_needed": "Leia a frase numa mensagem de voz gravada por você, aqui "
    "mesmo: um arquivo enviado ou uma mensagem encaminhada pode ser a voz de qualquer pessoa.",
    "error_reading_mismatch": "Essa leitura não ficou parecida o bastante com a frase: "
    "{score}% foi ouvido como está escrito, e é preciso {needed}%. Tente uma frase nova: em "
    "até {minutes:g} min, responda a esta mensagem com uma mensagem de voz lendo em voz "
    "alta:\n\n{phrase}",
    "myvoice_verified": "sua, provada lendo uma frase em voz alta",
}
