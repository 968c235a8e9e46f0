"""Errors by meaning. Each carries a message key and its parameters; adapters render it.

The key names an entry in `core.messages`, so every failure a user can meet has a short,
friendly sentence in each language, and callers catch by class, never by text.
"""

from __future__ import annotations

from typing import Any


class VoicebotError(Exception):
    """Root of every error the core raises on purpose."""

    key = "error_unexpected"

    def __init__(self, detail: str = "", **params: Any) -> None:
        super().__init__(detail or self.key)
        self.params = params


class ConfigError(VoicebotError):
    """A setting is missing or malformed; the detail is the one line to print."""

    key = "error_config"


# --- bad input from the user -------------------------------------------------------------


class BadInput(VoicebotError):
    key = "error_bad_input"


class NotAudio(BadInput):
    key = "error_not_audio"


class FileTooLarge(BadInput):
    key = "error_file_too_large"  # params: limit_mb


class AudioTooShort(BadInput):
    key = "error_audio_too_short"  # params: seconds, minimum


class NoSpeech(BadInput):
    key = "error_no_speech"


class BadVoiceName(BadInput):
    key = "error_bad_voice_name"  # params: name


class VoiceNameTaken(BadInput):
    key = "error_voice_name_taken"  # params: name


class VoiceNotFound(BadInput):
    key = "error_voice_not_found"  # params: name, suggestions (list[str])


class VoiceGone(BadInput):
    """A button or link named a voice that has since been deleted or is not usable here."""

    key = "error_voice_gone"


class NoVoiceGiven(BadInput):
    """`say` without a voice name where the chat has no default voice."""

    key = "error_no_voice_given"


class NotYourVoice(BadInput):
    """Renaming or deleting someone else's voice, without being an admin of the chat."""

    key = "error_not_your_voice"  # params: name


class TakeGone(BadInput):
    """A button names a request this chat no longer has (or never had)."""

    key = "error_take_gone"


class NoDescription(BadInput):
    """A designed voice with no description."""

    key = "error_no_description"


class ScriptLineError(BadInput):
    """A dialogue line that will not do; says which, and why (a message key or an error)."""

    key = "error_script_line"

    def __init__(
        self, *, line: int, problem: str = "", inner: VoicebotError | None = None
    ) -> None:
        super().__init__(f"line {line}: {problem or inner!r}", line=line, problem=problem)
        self.inner = inner


class EmptyText(BadInput):
    key = "error_empty_text"


class TextTooLong(BadInput):
    key = "error_text_too_long"  # params: length, limit


class TranslationTooLong(TextTooLong):
    """A text within the limit whose translation is not."""

    key = "error_translation_too_long"  # params: length, limit


class UnknownLanguage(BadInput):
    """Speaking a translation into a language the bot does not translate into."""

    key = "error_unknown_language"  # params: code, languages (the codes there are, listed)


class TranslationUnavailable(BadInput):
    """Asking for a translation where nothing translates: the bot runs without the speech
    service."""

    key = "error_translation_unavailable"


class BadSampling(BadInput):
    key = "error_bad_sampling"  # params: field, low, high


class UnknownSetting(BadInput):
    key = "error_unknown_setting"  # params: name


class TranscriptNeeded(BadInput):
    key = "error_transcript_needed"


class ListeningUnavailable(BadInput):
    """Saying a voice message's words again, where nothing can hear them: no transcriber (the
    bot runs without the speech service)."""

    key = "error_listening_unavailable"


class ClipTooLong(BadInput):
    """A voice message to say again that is longer than the bot listens to at once."""

    key = "error_clip_too_long"  # params: limit (seconds)


# --- consent, sharing and quotas -------------------------------------------------------


class SpeakerUnknown(BadInput):
    """The clip's speaker cannot be told (a hidden forward, a bot): nobody to ask for consent."""

    key = "error_speaker_unknown"


class CloningRestricted(BadInput):
    """This chat lets only its admins (or a role) register voices."""

    key = "error_cloning_restricted"


class NotTheSpeaker(BadInput):
    """Answering a consent request, or revoking a voice, that is someone else's to decide."""

    key = "error_not_the_speaker"  # params: name (the speaker's)


class RequestClosed(BadInput):
    """A consent request that was answered already, expired, or whose voice is gone."""

    key = "error_request_closed"


class AdminsOnly(BadInput):
    """A chat setting changed by someone who does not administer the chat."""

    key = "error_admins_only"


class GroupsOnly(BadInput):
    """A chat setting asked for in a private chat, where there is nothing to share."""

    key = "error_groups_only"


class RoleNeeded(BadInput):
    """ "Only a role may clone" without naming the role."""

    key = "error_role_needed"


class BadQuota(BadInput):
    key = "error_bad_quota"


class VoicePending(BadInput):
    """Speaking in a voice whose speaker has not approved it yet."""

    key = "error_voice_pending"  # params: name


class AwaitingAdmin(VoicePending):
    """Speaking in an uploaded voice a chat admin has not approved yet."""

    key = "error_voice_awaiting_admin"  # params: name


class StatementNeeded(BadInput):
    """An uploaded file registered without saying whose voice it is (the uploader's own, or
    someone's who gave permission): it may be anyone's."""

    key = "error_statement_needed"


class AdminApproves(BadInput):
    """Answering the request for an uploaded voice, which only an admin of its chat may do."""

    key = "error_admin_approves"


class UploadNotShareable(BadInput):
    """Sharing an uploaded voice no chat admin approved: only its uploader may use it."""

    key = "error_upload_not_shareable"  # params: name


class QuotaExceeded(BadInput):
    key = "error_quota"  # params: used, limit, hours (until the day turns, UTC)


class NotYourTake(BadInput):
    """Keeping a designed voice someone else designed."""

    key = "error_not_your_take"


class TooManyVoices(BadInput):
    """Past the voices one person may have registered on a platform."""

    key = "error_too_many_voices"  # params: limit


class TooManyVoicesHere(BadInput):
    """Past the voices one chat or server may hold."""

    key = "error_too_many_voices_here"  # params: limit


# --- proving a voice is your own by reading a phrase aloud (core.proof) --------------------


class ProofUnavailable(BadInput):
    """Readings cannot be checked: no transcriber (the bot runs without the speech service)."""

    key = "error_proof_unavailable"


class NoChallenge(BadInput):
    """A reading nobody asked for here: no phrase is waiting for this user in this chat."""

    key = "error_no_challenge"


class ChallengeExpired(BadInput):
    """A reading of a phrase whose time ran out."""

    key = "error_challenge_expired"  # params: name, minutes


class LiveReadingNeeded(BadInput):
    """A reading sent as a file, or forwarded: it could be anyone's voice."""

    key = "error_live_reading_needed"


class ReadingMismatch(BadInput):
    """A reading too far from its phrase; a new phrase (`phrase`) is waiting instead."""

    key = "error_reading_mismatch"  # params: name, score, needed (percent), phrase, minutes


# --- reports -------------------------------------------------------------------------------


class VoiceSuspended(BadInput):
    """Speaking in a voice someone reported in this chat, before an admin restored it."""

    key = "error_voice_suspended"  # params: name


class AlreadySuspended(BadInput):
    """Reporting a voice that is suspended here already."""

    key = "error_already_suspended"  # params: name


class ReportsInGroups(BadInput):
    """A report in a private chat, which has no admins and whose voices are its user's."""

    key = "error_reports_in_groups"


class NoVoiceToReport(BadInput):
    """Reporting a voice message that no stored voice spoke (a designed voice, a dialogue)."""

    key = "error_no_voice_to_report"


class AdminsSettle(BadInput):
    """Restoring or deleting a reported voice, without administering the chat."""

    key = "error_admins_settle"


class ReportSettled(BadInput):
    """A report's button pressed after the report was settled (or its voice deleted)."""

    key = "error_report_settled"


class AlreadyRequested(VoicebotError):
    """The chat sent a request again (after the bot restarted): its job is already under way."""

    key = "error_already_requested"


class Cancelled(VoicebotError):
    """The requester cancelled the request: it ends here, and nothing of it is posted."""

    key = "error_cancelled"


class NotYourRequest(BadInput):
    """Cancelling someone else's request: only whoever asked for it may."""

    key = "error_not_your_request"


class QueueFull(VoicebotError):
    key = "error_queue_full"


class DatabaseBusy(VoicebotError):
    """The database did not answer in the time a waiting person is given; nothing was done."""

    key = "error_busy"


class TooFast(VoicebotError):
    key = "error_too_fast"  # params: seconds

    def __init__(self, *, seconds: int) -> None:
        super().__init__(f"retry in {seconds} s", seconds=seconds)
        self.seconds = seconds


# --- the speech service (302.AI) ----------------------------------------------------------


class UpstreamError(VoicebotError):
    """Anything that went wrong on the speech service's side."""

    key = "error_upstream"


class UpstreamAuth(UpstreamError):
    key = "error_upstream_auth"


class InsufficientBalance(UpstreamError):
    key = "error_upstream_balance"


class UpstreamRateLimited(UpstreamError):
    key = "error_upstream_rate_limited"

    def __init__(self, detail: str = "", *, retry_after: float | None = None) -> None:
        super().__init__(detail, retry_after=retry_after)
        self.retry_after = retry_after


class UpstreamRejected(UpstreamError):
    """The service refused the request's content (a bad parameter, an undecodable clip)."""

    key = "error_upstream_rejected"


class ReferenceUnreachable(UpstreamRejected):
    """The service could not fetch or decode a reference clip by its hosted URL."""

    key = "error_reference_unreachable"


class UpstreamUnavailable(UpstreamError):
    key = "error_upstream_unavailable"


class UpstreamTimeout(UpstreamError):
    key = "error_upstream_timeout"


class TaskFailed(UpstreamError):
    key = "error_task_failed"


class BadUpstreamAudio(UpstreamError):
    """The service said it succeeded but sent something that is not usable audio."""

    key = "error_bad_upstream_audio"


class ResultRefused(UpstreamError):
    """The service named a result the bot does not fetch: on a host results do not come from,
    at a private address, or past too many redirects."""

    key = "error_result_refused"


class ResultTooLarge(UpstreamError):
    """A result past the size cap, or audio that decodes past the longest the bot makes."""

    key = "error_result_too_large"


def stored(error: VoicebotError) -> dict[str, Any]:
    """An error's parameters as a job keeps them (a dialogue line's own error among them), so
    that `error_from` can make it again elsewhere."""
    params = dict(error.params)
    if isinstance(error, ScriptLineError) and error.inner is not None:
        params["inner"] = [error.inner.key, stored(error.inner)]
    return params


def error_from(key: str, params: dict[str, Any] | None = None) -> VoicebotError:
    """The error a job ended in elsewhere (a worker), from its stored key and parameters: of
    the class with that key, so that it is caught and told as if raised here."""
    params = dict(params or {})
    inner = params.pop("inner", None)
    classes: list[type[VoicebotError]] = [VoicebotError]
    for cls in classes:
        if cls.key == key:
            error = cls.__new__(cls)
            VoicebotError.__init__(error, key, **params)
            for name, value in params.items():  # attributes some classes keep
                setattr(error, name, value)
            if isinstance(error, ScriptLineError):
                error.inner = error_from(*inner) if inner else None
            return error
        classes.extend(cls.__subclasses__())
    return VoicebotError(key)
